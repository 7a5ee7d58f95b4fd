/**
 * The contact channels every new organisation starts with (docs/glossary.md: kanaal). Organisations can
 * add their own later; these codes are what invitations, the response page (?kanaal=…) and the API use.
 */
export const STANDARD_CHANNELS = [
  { code: 'balie', name: 'Balie' },
  { code: 'telefoon', name: 'Telefoon' },
  { code: 'website', name: 'Website' },
  { code: 'e-mail', name: 'E-mail' },
  { code: 'chat', name: 'Chat' },
  { code: 'brief', name: 'Brief' },
  { code: 'huisbezoek', name: 'Huisbezoek' },
] as const
