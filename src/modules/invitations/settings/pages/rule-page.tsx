/**
 * Staff page "Regels voor uitnodigingen" of one survey (/o/:slug/uitnodigingen/instellingen/:survey,
 * administrators): when the invitation goes out, quiet hours, sample, suppression, reminder, how long
 * the link works, and the channel. A plain form with an error summary; works without JavaScript.
 * With `product` it is the rule for one product of the survey (it wins over the survey's rule), which
 * can be removed again; without, the page offers to give a product its own rule.
 */
import { ErrorSummary, type FieldError, Layout } from '../../../../platform/web/layout.tsx'
import type { Role } from '../../../organisations/index.ts'
import { StaffHeader } from '../../../organisations/pages/staff-header.tsx'
import type { StaffIdentity } from '../../../organisations/sessions.ts'
import type { RuleForm } from '../rule-form.ts'
import { SelectInput, TextInput } from './fields.tsx'

/** The rule form of one survey. */
export function RulePage(props: {
  organisation: { slug: string; name: string; role?: Role }
  staff: StaffIdentity
  survey: { id: string; title: string }
  /** The product whose rule this is; absent for the survey's own rule. */
  product?: { code: string; name: string; hasOwnRule: boolean }
  /** The organisation's products, to choose one for its own rule. */
  products: { code: string; name: string }[]
  form: RuleForm
  errors: FieldError[]
}) {
  const f = props.form
  const errorFor = (field: keyof RuleForm) => props.errors.find((e) => e.field === field)?.message
  const base = `/o/${props.organisation.slug}/uitnodigingen/instellingen`
  const forProduct = props.product ? `?product=${encodeURIComponent(props.product.code)}` : ''
  const heading = props.product
    ? `Regels voor ${props.survey.title}, product ${props.product.name}`
    : `Regels voor ${props.survey.title}`
  const text = (id: keyof RuleForm, label: string, hint?: string) => (
    <TextInput
      id={id}
      label={label}
      value={f[id]}
      error={errorFor(id)}
      hint={hint}
      inputmode={id.startsWith('stil') || id === 'tijdstip' ? 'text' : 'numeric'}
    />
  )
  return (
    <Layout
      title={`${props.errors.length ? 'Fout: ' : ''}${heading} – ${props.organisation.name}`}
      header={<StaffHeader {...props} />}
    >
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          Terug naar de instellingen
        </a>
      </p>
      <h1 class="utrecht-heading-1">{heading}</h1>
      <ErrorSummary errors={props.errors} />
      <p class="utrecht-paragraph">
        Deze regels gelden voor contactmomenten die na het opslaan binnenkomen. Tijden zijn Nederlandse tijd.
        {props.product
          ? ` Ze gelden alleen voor contactmomenten over ${props.product.name}; voor andere producten gelden de regels van de vragenlijst.`
          : ''}
      </p>
      <form method="post" action={`${base}/${props.survey.id}${forProduct}`} class="kb-form" novalidate>
        <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
        <SelectInput
          id="vertraging"
          label="Wanneer gaat de uitnodiging weg?"
          value={f.vertraging}
          error={errorFor('vertraging')}
          options={[
            { value: 'volgende-werkdag', label: 'De volgende werkdag, op een vast tijdstip' },
            { value: 'minuten', label: 'Een aantal minuten na het contact' },
          ]}
        />
        {text(
          'tijdstip',
          'Tijdstip op de volgende werkdag (uu:mm)',
          'Alleen bij "de volgende werkdag". Bijvoorbeeld 10:00.',
        )}
        {text('minuten', 'Aantal minuten na het contact', 'Alleen bij "een aantal minuten na het contact".')}
        {text(
          'stil-van',
          'Stille uren van (uu:mm)',
          'In de stille uren gaat er niets weg. Laat beide leeg voor geen stille uren.',
        )}
        {text('stil-tot', 'Stille uren tot (uu:mm)', 'Bijvoorbeeld van 21:00 tot 08:00.')}
        {text(
          'steekproef',
          'Steekproef (procent)',
          'Welk deel van de contactmomenten krijgt een uitnodiging. 100 is iedereen.',
        )}
        {text(
          'onderdrukking',
          'Onderdrukking (dagen)',
          'Iemand krijgt hoogstens één uitnodiging in zoveel dagen, voor alle vragenlijsten samen. 0 is geen onderdrukking.',
        )}
        {text(
          'herinnering',
          'Herinnering na (dagen)',
          'Eén herinnering als de vragenlijst nog niet is ingevuld. Laat leeg voor geen herinnering.',
        )}
        {text('verloop', 'De link werkt (dagen)', 'Daarna werkt de link niet meer en vergeten we het adres.')}
        <SelectInput
          id="kanaal"
          label="Kanaal"
          value={f.kanaal}
          error={errorFor('kanaal')}
          hint="Is er alleen een adres voor het andere kanaal? Dan gebruiken we dat."
          options={[
            { value: 'email', label: 'E-mail' },
            { value: 'sms', label: 'Sms' },
          ]}
        />
        <div>
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Regels opslaan
          </button>
        </div>
      </form>
      {props.product?.hasOwnRule ? (
        <form method="post" action={`${base}/${props.survey.id}/product-verwijderen${forProduct}`}>
          <input type="hidden" name="_csrf" value={props.staff.csrfToken} />
          <p class="utrecht-paragraph">
            Geen eigen regels meer voor {props.product.name}? Dan gelden de regels van de vragenlijst weer.
          </p>
          <button type="submit" class="utrecht-button utrecht-button--secondary-action">
            Regels voor {props.product.name} verwijderen
          </button>
        </form>
      ) : null}
      {!props.product && props.products.length > 0 ? (
        // A GET form: choosing a product opens its rule page, starting from this survey's rule.
        <form method="get" action={`${base}/${props.survey.id}`} class="kb-form">
          <h2 class="utrecht-heading-2">Andere regels voor één product</h2>
          <SelectInput
            id="product"
            label="Product"
            value=""
            hint="Bijvoorbeeld een later tijdstip of een kleinere steekproef voor een product met veel contactmomenten."
            options={props.products.map((p) => ({ value: p.code, label: p.name }))}
          />
          <div>
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">
              Regels voor dit product
            </button>
          </div>
        </form>
      ) : null}
    </Layout>
  )
}
