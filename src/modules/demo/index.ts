/** The demo capability: reproducible demo data for Gemeente Voorbeeld and its latent truth. */
export { generateBsn, isValidBsn } from './elfproef.ts'
export {
  type DemoRecord,
  type GenerateOptions,
  generateDemo,
  IMPROVE_RATE,
  SIGNAL_RATE,
  WHY_RATE,
} from './generate.ts'
export {
  DEMO_STAFF,
  type DemoSummary,
  demoOrganisationName,
  type LoadDemoOptions,
  loadDemo,
} from './load-demo.ts'
export { drawExperience, type Experience, LATENT_MODEL } from './model.ts'
export { PII_KINDS, PII_RATE, type PiiKind, TYPO_RATE } from './open-answers.ts'
export { DEMO_CHANNELS, DEMO_DEPARTMENTS, DEMO_PRODUCTS } from './reference.ts'
