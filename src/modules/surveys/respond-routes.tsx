/**
 * The public response flow (GET/POST /s/:key, the resume link /s/:key/verder/:token, the thank-you page).
 *
 * A survey of one screen is answered in one post, stored through the intake batch writer. A survey of
 * several screens stores each screen before showing the next (partial response); the first post creates
 * the response and redirects to its resume link, which then carries the person through the rest. "Vorige"
 * and "Opslaan en later verder" keep the valid answers of the screen without demanding the required ones.
 * Hidden fields come from the link's query parameters (`queryParam` in the definition) and travel in the
 * first post as `_h_<code>`; the language comes from `?taal=` and travels as `_lang`.
 */
import { randomBytes } from 'node:crypto'
import { type Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import { type MessageKey, t } from '../../platform/i18n/index.ts'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import {
  completeInvitationOfResponse,
  INVITATION_PARAM,
  LINK_TOKEN,
  linkInvitationResponse,
} from '../invitations/index.ts'
import {
  AnswersInvalidError,
  findPartialResponse,
  type PartialResponse,
  resolveContext,
  responseLanguage,
  saveScreen,
  startPartialResponse,
  submitResponse,
  validateAnswers,
} from '../responses/index.ts'
import { countDropped, type FormGuard, honeypotName, STARTED_FIELD } from './bot-guard.ts'
import { type AnswerError, logicFromRows, textIn } from './definition/answers.ts'
import type { AnswerValue as LogicValue } from './definition/logic.ts'
import { visibleQuestions } from './definition/logic.ts'
import { nextScreen, previousScreen, progressOf, type Screen, screensOf } from './definition/screens.ts'
import { answersFromForm, type FormBody, shownFromRows } from './form-values.ts'
import { loadPublicSurvey, type PublicSurvey } from './load-public-survey.ts'
import type { FieldValue } from './pages/question-field.tsx'
import { ResumeGonePage, SavedPage, SurveyPage, ThankYouPage } from './pages/survey-page.tsx'
import {
  carryFromQuery,
  hiddenFromForm,
  hiddenLogic,
  isLastScreen,
  laterHidden,
  personMessages,
  storedLogic,
} from './respond-state.ts'

/**
 * Routes of the public response flow. `partialRetentionDays` is how long an unsent response is kept
 * (responses.purge-expired-partials deletes it after that); the "bewaard" page tells the person.
 */
export function respondRoutes(
  db: Kysely<Database>,
  guard: FormGuard,
  options: { partialRetentionDays?: number } = {},
) {
  const app = new Hono<AppEnv>()
  const newSubmissionKey = () => randomBytes(16).toString('base64url')

  const languageLinks = (survey: PublicSurvey, base: string, params: Record<string, string>) =>
    survey.definition.languages.map((l) => ({
      lang: l,
      href: `${base}?${new URLSearchParams({ ...params, taal: l }).toString()}`,
    }))

  /** Renders a screen; `extra` carries what differs between a fresh start, a resume and an error. */
  function render(
    c: Context<AppEnv>,
    survey: PublicSurvey,
    o: {
      lang: string
      screens: Screen[]
      index: number
      logic: Record<string, LogicValue>
      action: string
      base: string
      query: Record<string, string>
      values?: Record<string, FieldValue>
      errors?: AnswerError[]
      submissionKey?: string
      started?: string
      carry?: Record<string, string>
      resumeLink?: string
      status?: 200 | 400
    },
  ) {
    const visible = visibleQuestions(survey.definition, o.logic)
    const screen = o.screens[o.index] as Screen
    return c.html(
      <SurveyPage
        survey={survey}
        lang={o.lang}
        screen={screen}
        visible={visible}
        progress={progressOf(o.screens, o.index, visible)}
        action={o.action}
        isFirst={previousScreen(o.screens, o.index, visible) === null}
        isLast={isLastScreen(o.screens, o.index, visible)}
        submissionKey={o.submissionKey}
        started={o.started}
        honeypot={honeypotName(survey.questions.map((q) => q.code))}
        carry={o.carry}
        resumeLink={o.resumeLink}
        languageLinks={languageLinks(survey, o.base, o.query)}
        values={o.values}
        errors={personMessages(survey, o.errors ?? [], o.lang)}
      />,
      o.status ?? 200,
    )
  }

  /**
   * A resume link that leads nowhere: sent already, deleted after PARTIAL_RESPONSE_RETENTION_DAYS, or
   * never valid. 404, not 410: once a partial response is deleted nothing tells these cases apart (only
   * the token's hash was stored), and claiming "gone" for a made-up token would be wrong.
   */
  const gone = (c: Context<AppEnv>, survey: PublicSurvey, lang: string) =>
    c.html(<ResumeGonePage survey={survey} lang={lang} />, 404)

  /** The invitation token of `/i/{token}` travels with the form as `_uitnodiging` (invitations module). */
  const invitationCarry = (token: string | undefined): Record<string, string> =>
    token && LINK_TOKEN.test(token) ? { _uitnodiging: token } : {}

  /** Ties a stored response to its invitation; a wrong or used token never costs the person the answers. */
  const tieInvitation = async (
    survey: PublicSurvey,
    token: string | undefined,
    responseId: string,
    complete: boolean,
  ) => {
    if (!token || survey.preview) return
    await linkInvitationResponse(db, {
      organisationId: survey.organisationId,
      surveyId: survey.surveyId,
      token,
      responseId,
      complete,
    })
  }

  app.get('/s/:key', async (c) => {
    const survey = await loadPublicSurvey(db, c.req.param('key'))
    const query = c.req.query()
    const lang = responseLanguage(survey, query.taal)
    const submissionKey = newSubmissionKey()
    const carry = { ...carryFromQuery(survey, query), ...invitationCarry(query[INVITATION_PARAM]) }
    const screens = screensOf(survey.definition, submissionKey)
    const logic = hiddenLogic(survey, carry)
    const index = nextScreen(screens, -1, visibleQuestions(survey.definition, logic)) ?? 0
    const { taal: _, ...keep } = query
    return render(c, survey, {
      lang,
      screens,
      index,
      logic,
      action: `/s/${survey.publicKey}`,
      base: `/s/${survey.publicKey}`,
      query: keep,
      submissionKey,
      started: await guard.issue(survey.surveyId),
      carry,
    })
  })

  app.post('/s/:key', async (c) => {
    const survey = await loadPublicSurvey(db, c.req.param('key'))
    const form = (await c.req.parseBody({ all: true })) as FormBody
    const thanks = (lang: string) =>
      c.redirect(`/s/${survey.publicKey}/bedankt${lang === 'nl' ? '' : `?taal=${lang}`}`, 303)
    const lang = responseLanguage(survey, typeof form._lang === 'string' ? form._lang : undefined)
    const trap = form[honeypotName(survey.questions.map((q) => q.code))]
    if (typeof trap === 'string' && trap.trim() !== '') {
      // Only bots fill a field nobody can see or reach; answer like a success so they learn nothing.
      countDropped('honeypot')
      c.get('log')?.info({ reason: 'honeypot' }, 'public form post dropped')
      return thanks(lang)
    }
    const submissionKey =
      typeof form._submission === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(form._submission)
        ? form._submission
        : newSubmissionKey()
    const hidden = hiddenFromForm(survey, form)
    const invitation = typeof form._uitnodiging === 'string' ? form._uitnodiging : undefined
    const carry = {
      ...Object.fromEntries(Object.entries(hidden).map(([k, v]) => [`_h_${k}`, v])),
      ...invitationCarry(invitation),
    }
    const screens = screensOf(survey.definition, submissionKey)
    const index = Math.min(Number(form._screen) || 0, screens.length - 1)
    const screen = screens[index] as Screen
    const { raw, shown } = answersFromForm(screen.questions, form)
    const action = typeof form._action === 'string' ? form._action : 'send'
    const input = {
      answers: raw,
      hidden,
      channel:
        hidden.kanaal ?? (survey.definition.hidden.some((h) => h.source === 'channel') ? null : 'website'),
      submissionKey,
      language: lang,
      strict: false,
      requestId: c.get('requestId'),
    }
    const context = resolveContext(survey, input)
    const started = form[STARTED_FIELD]
    const scope = new Set(screen.questions.map((q) => q.code))
    const checked = validateAnswers(survey, raw, {
      rejectUnknown: false,
      lang,
      scope,
      earlier: context.logic,
    })
    const rerender = async (errors: AnswerError[]) => {
      // Keep the original start time: the person has been filling in since then.
      const keepStarted =
        typeof started === 'string' && (await guard.elapsed(survey.surveyId, started)) !== null
      return render(c, survey, {
        lang,
        screens,
        index,
        logic: { ...context.logic, ...checked.logic },
        action: `/s/${survey.publicKey}`,
        base: `/s/${survey.publicKey}`,
        query: {},
        values: shown,
        errors,
        submissionKey,
        started: keepStarted ? (started as string) : await guard.issue(survey.surveyId),
        carry,
        status: 400,
      })
    }
    // Only a post that would be stored is checked for speed: a person who presses "Versturen" at once on
    // an empty form must see the error summary, not a thank-you page.
    if (checked.errors.length === 0 && (await guard.tooFast(survey.surveyId, started))) {
      countDropped('too-fast')
      c.get('log')?.info({ reason: 'too-fast' }, 'public form post dropped')
      return thanks(lang)
    }
    if (screens.length === 1) {
      try {
        const stored = await submitResponse(db, survey, input)
        await tieInvitation(survey, invitation, stored.id, true)
      } catch (error) {
        if (!(error instanceof AnswersInvalidError)) throw error
        return rerender(error.answerErrors)
      }
      return thanks(lang)
    }
    if (checked.errors.length && action !== 'save') return rerender(checked.errors)
    const visibleNow = visibleQuestions(survey.definition, { ...context.logic, ...checked.logic })
    const next = nextScreen(screens, index, visibleNow)
    const complete = next === null && action !== 'save' && checked.errors.length === 0
    const token = await guard.resumeToken(survey.surveyId, submissionKey)
    const partialStored = await startPartialResponse(db, survey, {
      submissionKey,
      resumeToken: token,
      context,
      values: checked.values,
      consents: checked.consents,
      screenReached: next ?? index,
      language: lang,
      complete,
      requestId: c.get('requestId'),
    })
    await tieInvitation(survey, invitation, partialStored.id, complete)
    if (complete) return thanks(lang)
    const link = `/s/${survey.publicKey}/verder/${token}`
    if (action === 'save') return c.redirect(`${link}/bewaard${lang === 'nl' ? '' : `?taal=${lang}`}`, 303)
    return c.redirect(`${link}?scherm=${next ?? index}${lang === 'nl' ? '' : `&taal=${lang}`}`, 303)
  })

  app.get('/s/:key/verder/:token', async (c) => {
    const survey = await loadPublicSurvey(db, c.req.param('key'))
    const token = c.req.param('token')
    const partial = await findPartialResponse(db, survey, token)
    const query = c.req.query()
    const lang = responseLanguage(survey, query.taal ?? partial?.language)
    if (!partial || partial.status !== 'partial') return gone(c, survey, lang)
    const screens = screensOf(survey.definition, partial.submissionKey)
    const logic = storedLogic(survey, partial)
    const visible = visibleQuestions(survey.definition, logic)
    const asked = Number.parseInt(query.scherm ?? '', 10)
    // A person may go back to any screen up to the furthest one reached, never skip ahead.
    const wanted =
      Number.isInteger(asked) && asked >= 0 && asked <= partial.screenReached ? asked : partial.screenReached
    const index =
      screens[wanted]?.questions.some((q) => visible.has(q.code)) === true
        ? wanted
        : (nextScreen(screens, wanted, visible) ?? previousScreen(screens, wanted, visible) ?? 0)
    const screen = screens[index] as Screen
    const values: Record<string, FieldValue> = {}
    for (const q of screen.questions) {
      const rows = partial.rows.get(q.code)
      if (rows) values[q.code] = shownFromRows(q, rows)
    }
    const link = `/s/${survey.publicKey}/verder/${token}`
    return render(c, survey, {
      lang,
      screens,
      index,
      logic,
      action: link,
      base: link,
      query: { scherm: String(index) },
      values,
      resumeLink: link,
    })
  })

  app.get('/s/:key/verder/:token/bewaard', async (c) => {
    const survey = await loadPublicSurvey(db, c.req.param('key'))
    const token = c.req.param('token')
    const partial = await findPartialResponse(db, survey, token)
    const lang = responseLanguage(survey, c.req.query('taal') ?? partial?.language)
    if (!partial || partial.status !== 'partial') return gone(c, survey, lang)
    const link = `/s/${survey.publicKey}/verder/${token}`
    return c.html(
      <SavedPage
        survey={survey}
        lang={lang}
        link={link}
        absoluteLink={new URL(link, c.req.url).toString()}
        keptDays={options.partialRetentionDays}
      />,
    )
  })

  app.post('/s/:key/verder/:token', async (c) => {
    const survey = await loadPublicSurvey(db, c.req.param('key'))
    const token = c.req.param('token')
    const partial = await findPartialResponse(db, survey, token)
    const form = (await c.req.parseBody({ all: true })) as FormBody
    const lang = responseLanguage(survey, typeof form._lang === 'string' ? form._lang : partial?.language)
    if (!partial || partial.status !== 'partial') return gone(c, survey, lang)
    const screens = screensOf(survey.definition, partial.submissionKey)
    const index = Math.min(Math.max(Number(form._screen) || 0, 0), screens.length - 1)
    const screen = screens[index] as Screen
    const scope = new Set(screen.questions.map((q) => q.code))
    const { raw, shown } = answersFromForm(screen.questions, form)
    const action = typeof form._action === 'string' ? form._action : 'next'
    const earlier = storedLogic(survey, partial, scope)
    const checked = validateAnswers(survey, raw, { rejectUnknown: false, lang, scope, earlier })
    const link = `/s/${survey.publicKey}/verder/${token}`
    if (checked.errors.length && action !== 'back' && action !== 'save') {
      return render(c, survey, {
        lang,
        screens,
        index,
        logic: { ...earlier, ...checked.logic },
        action: link,
        base: link,
        query: { scherm: String(index) },
        values: shown,
        errors: checked.errors,
        resumeLink: link,
        status: 400,
      })
    }
    // On "back" and "save" the valid answers are kept and the invalid ones dropped, without errors.
    const replace = [...scope].filter((code) => !checked.errors.some((e) => e.field === code))
    const visibleNow = visibleQuestions(survey.definition, { ...earlier, ...checked.logic })
    const next = nextScreen(screens, index, visibleNow)
    const complete = action !== 'back' && action !== 'save' && next === null
    await saveScreen(db, survey, partial.id, {
      replaceCodes: [...replace, ...laterHidden(survey, visibleNow)],
      values: checked.values,
      consents: checked.consents,
      screenReached: action === 'next' || action === 'send' ? (next ?? index) : index,
      language: lang,
      complete,
      requestId: c.get('requestId'),
    })
    const langParam = lang === 'nl' ? '' : `&taal=${lang}`
    if (complete && !survey.preview) await completeInvitationOfResponse(db, survey.organisationId, partial.id)
    if (complete)
      return c.redirect(`/s/${survey.publicKey}/bedankt${lang === 'nl' ? '' : `?taal=${lang}`}`, 303)
    if (action === 'save') return c.redirect(`${link}/bewaard${lang === 'nl' ? '' : `?taal=${lang}`}`, 303)
    const target = action === 'back' ? (previousScreen(screens, index, visibleNow) ?? index) : (next ?? index)
    return c.redirect(`${link}?scherm=${target}${langParam}`, 303)
  })

  app.get('/s/:key/bedankt', async (c) => {
    const survey = await loadPublicSurvey(db, c.req.param('key'))
    return c.html(<ThankYouPage survey={survey} lang={responseLanguage(survey, c.req.query('taal'))} />)
  })

  return app
}
