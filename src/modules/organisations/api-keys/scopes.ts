/**
 * What an API key may do. Every operation of /api/v1/organisations/{slug}/… that a key may call is
 * listed here with the one scope it needs; an operation that is not listed is refused to every key
 * (403), so a new staff API is never opened to system clients by accident. docs/api-keys.md shows this
 * table; a test checks that every row names an operation that exists in the OpenAPI document.
 */

export const SCOPES = [
  'contact-moments:write',
  'cases:write',
  'cases:read',
  'responses:read',
  'surveys:read',
  'measurement:read',
  'overview:read',
] as const

export type Scope = (typeof SCOPES)[number]

/** Whether a string is a known scope. */
export function isScope(x: string): x is Scope {
  return (SCOPES as readonly string[]).includes(x)
}

/** The Dutch label and B1 explanation of each scope, as the staff page shows them. */
export const SCOPE_TEXT: Record<Scope, { label: string; hint: string }> = {
  'contact-moments:write': {
    label: 'Contactmomenten doorgeven',
    hint: 'Een zaaksysteem of telefooncentrale meldt een contact. Klankbord plant dan de uitnodiging.',
  },
  'cases:write': {
    label: 'Zaken doorgeven',
    hint: 'Zaken met hun start- en einddatum sturen, voor de doorlooptijd.',
  },
  'cases:read': {
    label: 'Zaken en doorlooptijd lezen',
    hint: 'Een zaaknummer is een persoonsgegeven.',
  },
  'responses:read': {
    label: 'Antwoorden lezen',
    hint: 'Ook open antwoorden en zaaknummers. Dat zijn persoonsgegevens. Klankbord schrijft elke keer op dat de sleutel ze leest.',
  },
  'surveys:read': { label: 'Vragenlijsten lezen', hint: 'De vragenlijsten en hun versies.' },
  'measurement:read': { label: 'Meetmodel lezen', hint: 'Het meetmodel en zijn versies.' },
  'overview:read': { label: 'Overzicht lezen', hint: 'Aantallen en het gemiddelde rapportcijfer.' },
}

/** One operation a key may call: method, OpenAPI path (below /api/v1) and the scope it needs. */
export interface ScopedOperation {
  method: 'get' | 'post'
  path: string
  scope: Scope
}

export const SCOPED_OPERATIONS: ScopedOperation[] = [
  { method: 'post', path: '/organisations/{slug}/contact-moments', scope: 'contact-moments:write' },
  { method: 'post', path: '/organisations/{slug}/cases', scope: 'cases:write' },
  { method: 'get', path: '/organisations/{slug}/cases/{reference}', scope: 'cases:read' },
  { method: 'get', path: '/organisations/{slug}/lead-time', scope: 'cases:read' },
  { method: 'get', path: '/organisations/{slug}/responses', scope: 'responses:read' },
  { method: 'get', path: '/organisations/{slug}/responses/{responseId}', scope: 'responses:read' },
  { method: 'get', path: '/organisations/{slug}/surveys', scope: 'surveys:read' },
  { method: 'get', path: '/organisations/{slug}/surveys/{surveyId}', scope: 'surveys:read' },
  {
    method: 'get',
    path: '/organisations/{slug}/surveys/{surveyId}/versions/{version}',
    scope: 'surveys:read',
  },
  { method: 'get', path: '/organisations/{slug}/measurement-model', scope: 'measurement:read' },
  { method: 'get', path: '/organisations/{slug}/measurement-models', scope: 'measurement:read' },
  {
    method: 'get',
    path: '/organisations/{slug}/measurement-models/{version}',
    scope: 'measurement:read',
  },
  { method: 'get', path: '/organisations/{slug}/overview', scope: 'overview:read' },
]

const matchers = SCOPED_OPERATIONS.map((op) => ({
  ...op,
  regex: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
}))

/**
 * The scope an API request needs, from its method and its path below /api/v1 (HEAD counts as GET);
 * null when no key may make this request.
 */
export function requiredScope(method: string, path: string): Scope | null {
  const m = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase()
  return matchers.find((op) => op.method === m && op.regex.test(path))?.scope ?? null
}
