/**
 * One question as printed on paper: tick boxes for choices, boxes with numbers for scales, the three
 * smileys as boxes with their words, ruled lines for open answers, and boxes for a date. Nothing on it
 * needs a screen: no controls, only marks a pen can make. The numbering matches the entry form, so the
 * staff member who types the form in finds each question at once.
 */
import { type MessageKey, t } from '../../../platform/i18n/index.ts'
import { textIn } from '../../surveys/definition/answers.ts'
import type { Question } from '../../surveys/definition/schema.ts'

const LANG = 'nl'

function Box() {
  return <span class="kb-paper-box" aria-hidden="true" />
}

/** A list of tick boxes, one per choice, each with its words. */
function Choices(props: { items: string[]; inline?: boolean }) {
  return (
    <ul class={props.inline ? 'kb-paper-choices kb-paper-choices--inline' : 'kb-paper-choices'}>
      {props.items.map((label) => (
        <li>
          <Box /> {label}
        </li>
      ))}
    </ul>
  )
}

/** A scale as a row of numbered boxes, with the meaning of the ends underneath. */
function Scale(props: { from: number; to: number; low?: string; high?: string }) {
  const numbers = Array.from({ length: props.to - props.from + 1 }, (_, i) => props.from + i)
  return (
    <>
      <ol class="kb-paper-scale">
        {numbers.map((n) => (
          <li>
            <Box />
            <span>{n}</span>
          </li>
        ))}
      </ol>
      {props.low || props.high ? (
        <p class="kb-paper-ends">
          <span>{props.low}</span> <span>{props.high}</span>
        </p>
      ) : null}
    </>
  )
}

function Lines(props: { count: number }) {
  return (
    <div class="kb-paper-lines" aria-hidden="true">
      {Array.from({ length: props.count }, () => (
        <span class="kb-paper-line" />
      ))}
    </div>
  )
}

/** How to answer, per type, in words a person reads on paper. */
function Body(props: { q: Question }) {
  const { q } = props
  switch (q.type) {
    case 'grade':
      return <Scale from={1} to={10} low="1 = heel slecht" high="10 = uitstekend" />
    case 'nps':
      return <Scale from={0} to={10} low="0 = heel onwaarschijnlijk" high="10 = heel waarschijnlijk" />
    case 'ces':
      return (
        <Scale from={1} to={7} low={`1 = ${t(LANG, 'scale.ces.1')}`} high={`7 = ${t(LANG, 'scale.ces.7')}`} />
      )
    case 'agreement':
      return (
        <Choices
          items={[
            ...[1, 2, 3, 4, 5].map((n) => t(LANG, `scale.agreement.${n}` as MessageKey)),
            ...(q.dontKnow ? [t(LANG, 'scale.dont-know')] : []),
          ]}
        />
      )
    case 'yes_no':
      return <Choices inline items={[t(LANG, 'yes'), t(LANG, 'no')]} />
    case 'smileys': {
      const moods = ['negative', 'neutral', 'positive'] as const
      const reasons = moods.flatMap((m) => (q.reasons?.[m] ?? []).map((r) => textIn(r.text, LANG)))
      return (
        <>
          <Choices inline items={moods.map((m) => t(LANG, `smiley.${m}`))} />
          {reasons.length ? (
            <>
              <p class="kb-paper-note">Waarom? Zet een kruisje bij wat het beste past.</p>
              <Choices items={reasons} />
            </>
          ) : null}
        </>
      )
    }
    case 'single':
      return (
        <>
          <p class="kb-paper-note">Kies één antwoord.</p>
          <Choices
            items={[
              ...q.options.map((o) => textIn(o.text, LANG)),
              ...(q.other ? [`${t(LANG, 'choice.other-text')}:`] : []),
            ]}
          />
          {q.other ? <Lines count={1} /> : null}
        </>
      )
    case 'multiple':
      return (
        <>
          <p class="kb-paper-note">
            U mag meer antwoorden kiezen.
            {q.maxChoices ? ` ${t(LANG, 'choice.max', { max: q.maxChoices })}` : ''}
          </p>
          <Choices items={q.options.map((o) => textIn(o.text, LANG))} />
        </>
      )
    case 'open':
      return <Lines count={Math.max(q.rows, 3)} />
    case 'date':
      return (
        <p class="kb-paper-date">
          Dag <span class="kb-paper-cells kb-paper-cells--2" aria-hidden="true" /> Maand{' '}
          <span class="kb-paper-cells kb-paper-cells--2" aria-hidden="true" /> Jaar{' '}
          <span class="kb-paper-cells kb-paper-cells--4" aria-hidden="true" />
        </p>
      )
    case 'consent':
      return <Choices items={[t(LANG, 'consent.yes')]} />
  }
}

/** A numbered question of the paper form. */
export function PaperQuestion(props: { q: Question; number: number }) {
  const { q } = props
  return (
    <li class="kb-paper-question">
      <p class="kb-paper-question-text">
        <span class="kb-paper-number">{props.number}.</span> {textIn(q.text, LANG)}
        {q.required ? '' : t(LANG, 'page.optional')}
      </p>
      {q.help ? <p class="kb-paper-note">{textIn(q.help, LANG)}</p> : null}
      {q.visibleIf ? (
        <p class="kb-paper-note">
          Deze vraag geldt niet voor iedereen. Past zij niet bij u? Sla haar dan over.
        </p>
      ) : null}
      {q.type === 'consent' ? <p class="kb-paper-note">{t(LANG, 'consent.help')}</p> : null}
      <Body q={q} />
    </li>
  )
}
