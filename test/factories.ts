/** Test data: organisations with staff and the standard survey, and logging in over HTTP. */

import type { Services } from '../src/main/services.ts'
import { addStaffMember, createOrganisation, type Role } from '../src/modules/organisations/index.ts'
import { ensureStandardSurvey } from '../src/modules/surveys/index.ts'

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
