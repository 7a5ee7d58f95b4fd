/** What `npm start` does on a fresh data directory: load the demo organisation and say how to use it. */
import { findStandardSurvey } from '../modules/surveys/index.ts'
import type { Services } from './services.ts'

/** Demo details to print. */
export interface DemoInfo {
  loaded: boolean
}

/** Loads the demo organisation when no organisation exists yet. */
export async function loadDemoIfEmpty(services: Services): Promise<DemoInfo> {
  const any = await services.db.selectFrom('organisation').select('id').limit(1).executeTakeFirst()
  if (any) return { loaded: false }
  const total = services.config.DEMO_RESPONSES
  console.log(`Eerste start: demo-organisatie Gemeente Voorbeeld laden (${total} reacties)…`)
  // Loaded on demand: only a first start needs the generator.
  const { loadDemo } = await import('../modules/demo/index.ts')
  let last = 0
  await loadDemo(services, {
    responses: total,
    seed: 1,
    onProgress: (done: number) => {
      const pct = Math.floor((done / total) * 10)
      if (pct > last) {
        last = pct
        console.log(`  ${pct * 10}%`)
      }
    },
  })
  return { loaded: true }
}

/** Prints the address, the demo login and the public link of the demo's standard survey. */
export async function printWelcome(services: Services, port: number, demo: DemoInfo | null) {
  const base = services.config.PUBLIC_URL ?? `http://localhost:${port}`
  const lines = [`Klankbord draait op ${base} (database: ${services.database.kind})`]
  const org = await services.db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('slug', '=', 'voorbeeld')
    .executeTakeFirst()
  if (org) {
    const survey = await findStandardSurvey(services.db, org.id)
    lines.push(
      `Demo-login: demo@voorbeeld.nl / ${services.config.DEMO_PASSWORD}${demo?.loaded ? ' (net geladen)' : ''}`,
    )
    if (survey) lines.push(`Openbare vragenlijst: ${base}/s/${survey.publicKey}`)
  }
  console.log(lines.join('\n'))
}
