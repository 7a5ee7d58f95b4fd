/** Test data: organisations with staff and the standard survey, and logging in over HTTP. */

import type { Services } from '../src/main/services.ts'
import { addStaffMember, createOrganisation, type Role } from '../src/modules/organisations/index.ts'
import { ensureStandardSurvey, publishSurveyDraft, saveDraft } from '../src/modules/surveys/index.ts'
import { createSurvey } from '../src/modules/surveys/versions/create-survey.ts'
import { everyTypeSurvey } from './fixtures/every-type-survey.ts'

export const TEST_PASSWORD = 'correct horse battery staple'

let counter = 0

/** Creates an organisation with one staff member of `role` and the standard survey. */
export async function createOrganisationWithStaff(services: Services, role: Role = 'admin') {
  counter += 1
  const slug = `org-${process.pid}-${counter}`
  const org = await createOrganisation(services.db, { slug, name: `Gemeente Test ${counter}` })
  const email = `staff${counter}@${slug}.test`
  const ctx = { organisationId: org.id, actor: { type: 'system' as const } }
  await addStaffMember(services.db, ctx, {
    email,
    displayName: `Medewerker ${counter}`,
    password: TEST_PASSWORD,
    role,
  })
  const survey = await ensureStandardSurvey(services.db, ctx)
  return { org, email, survey }
}

/** Logs in over HTTP and returns the session cookie header value and the CSRF token from the page. */
export async function login(baseUrl: string, email: string, password = TEST_PASSWORD) {
  const res = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password }),
    redirect: 'manual',
  })
  if (res.status !== 303) throw new Error(`login failed with ${res.status}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  return { cookie }
}

/** Creates a survey from a definition for an organisation and publishes it (version 1). */
export async function createPublishedSurvey(services: Services, organisationId: string, definition: unknown) {
  const ctx = { organisationId, actor: { type: 'system' as const } }
  const created = await createSurvey(services.db, ctx, { definition, origin: 'test' })
  await publishSurveyDraft(services.db, ctx, created.id)
  return created
}

/** An organisation with staff and, published, the survey that holds every question type (test/fixtures). */
export async function createOrganisationWithEveryTypeSurvey(services: Services) {
  const staff = await createOrganisationWithStaff(services)
  const everyType = await createPublishedSurvey(services, staff.org.id, everyTypeSurvey())
  return { ...staff, everyType }
}

/** Publishes a new version of a survey with another definition. */
export async function publishNewVersion(
  services: Services,
  organisationId: string,
  surveyId: string,
  definition: unknown,
) {
  const ctx = { organisationId, actor: { type: 'system' as const } }
  await saveDraft(services.db, ctx, surveyId, definition)
  return publishSurveyDraft(services.db, ctx, surveyId)
}
