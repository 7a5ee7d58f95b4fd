/**
 * The organisation's design tokens:
 * - GET  /o/:slug/huisstijl.css   the tokens as a stylesheet (public: the survey pages link it)
 * - GET  /o/:slug/huisstijl       the edit page (administrators)
 * - POST /o/:slug/huisstijl       store the pasted tokens
 */
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { ValidationError } from '../../platform/errors.ts'
import type { AppEnv } from '../app-env.ts'
import { type ThemeTokens, themeCss, themeLines } from './calc/theme.ts'
import { checkCsrf, requireOrganisation, requireStaff } from './middleware.ts'
import { ThemePage } from './pages/theme-page.tsx'
import { authorize } from './policy.ts'
import type { OrganisationTables } from './schema.ts'
import { setTheme } from './set-theme.ts'

/** Routes of the design tokens. */
export function themeRoutes(db: Kysely<OrganisationTables>) {
  const app = new Hono<AppEnv>()

  const tokensOf = async (slug: string) =>
    (await db.selectFrom('organisation').select('theme_tokens').where('slug', '=', slug).executeTakeFirst())
      ?.theme_tokens as ThemeTokens | null | undefined

  app.get('/o/:slug/huisstijl.css', async (c) => {
    const tokens = await tokensOf(c.req.param('slug'))
    c.header('content-type', 'text/css; charset=utf-8')
    c.header('cache-control', 'public, max-age=300')
    return c.body(themeCss(tokens ?? {}))
  })

  app.get('/o/:slug/huisstijl', async (c) => {
    if (!c.get('staff')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    const staff = requireStaff(c)
    const org = requireOrganisation(c)
    authorize(org.role, 'organisation.manage')
    return c.html(
      <ThemePage
        organisation={org}
        staff={staff}
        text={themeLines((await tokensOf(org.slug)) ?? null)}
        saved={c.req.query('opgeslagen') === '1'}
      />,
    )
  })

  app.post('/o/:slug/huisstijl', async (c) => {
    const staff = requireStaff(c)
    const body = await c.req.parseBody()
    checkCsrf(staff, typeof body._csrf === 'string' ? body._csrf : undefined)
    const org = requireOrganisation(c)
    authorize(org.role, 'organisation.manage')
    const text = typeof body.tokens === 'string' ? body.tokens : ''
    try {
      await setTheme(
        db,
        {
          organisationId: org.id,
          actor: { type: 'account', id: staff.accountId },
          requestId: c.get('requestId'),
        },
        text,
      )
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const errors = error.invalidParams.map((p) => ({ field: 'tokens', message: p.reason }))
      return c.html(<ThemePage organisation={org} staff={staff} text={text} errors={errors} />, 400)
    }
    return c.redirect(`/o/${org.slug}/huisstijl?opgeslagen=1`, 303)
  })

  return app
}
