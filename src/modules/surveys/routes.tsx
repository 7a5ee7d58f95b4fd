/** Public pages of a survey: the form (GET/POST /s/:key) and the thank-you page. */
import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { AppEnv } from '../app-env.ts'
import type { Database } from '../database.ts'
import { AnswersInvalidError, submitResponse } from '../responses/index.ts'
import { loadPublicSurvey } from './load-public-survey.ts'
import { SurveyPage, ThankYouPage } from './pages/survey-page.tsx'

const CHANNEL = /^[a-z0-9-]{1,40}$/

/** Routes of the public survey pages. */
export function surveyPageRoutes(db: Kysely<Database>) {
  const app = new Hono<AppEnv>()

  app.get('/s/:key', async (c) => {
    const survey = await loadPublicSurvey(db, c.req.param('key'))
    const channel = c.req.query('kanaal')
    return c.html(
      <SurveyPage
        survey={survey}
        submissionKey={randomBytes(16).toString('base64url')}
        channel={channel && CHANNEL.test(channel) ? channel : undefined}
      />,
    )
  })

  app.post('/s/:key', async (c) => {
    const survey = await loadPublicSurvey(db, c.req.param('key'))
    const form = await c.req.parseBody()
    const answers: Record<string, string> = {}
    for (const q of survey.questions) {
      const v = form[q.code]
      if (typeof v === 'string') answers[q.code] = v
    }
    const key =
      typeof form._submission === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(form._submission)
        ? form._submission
        : null
    const channel =
      typeof form._channel === 'string' && CHANNEL.test(form._channel) ? form._channel : 'website'
    try {
      await submitResponse(db, survey, {
        answers,
        channel,
        submissionKey: key,
        strict: false,
        requestId: c.get('requestId'),
      })
    } catch (error) {
      if (!(error instanceof AnswersInvalidError)) throw error
      return c.html(
        <SurveyPage
          survey={survey}
          submissionKey={key ?? randomBytes(16).toString('base64url')}
          channel={channel}
          values={answers}
          errors={error.answerErrors.map((e) => ({ field: e.field, message: e.nl }))}
        />,
        400,
      )
    }
    return c.redirect(`/s/${survey.publicKey}/bedankt`, 303)
  })

  app.get('/s/:key/bedankt', async (c) => {
    const survey = await loadPublicSurvey(db, c.req.param('key'))
    return c.html(<ThankYouPage organisationName={survey.organisationName} />)
  })

  return app
}
