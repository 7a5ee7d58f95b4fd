/**
 * Local ZGW APIs for tests, as real HTTP servers on 127.0.0.1, built from the specifications in
 * ../shared/specs: the Notificaties API 1.0 (POST/GET /abonnement, DELETE /abonnement/{uuid},
 * POST /notificaties) and the Zaken API 1.5.1 (GET /zaken/{uuid}, GET /statussen/{uuid}, GET /rollen).
 * Like the real APIs they demand a ZGW JWT (jwt-check.ts), answer errors as problem+json (schema Fout /
 * ValidatieFout), demand `Accept-Crs: EPSG:4326` on a zaak, page rollen, and test a callback URL when an
 * abonnement is made (a test notification with the given `auth` must get 204, as the reference
 * implementation's CallbackURLValidator does). Notifications are delivered synchronously here.
 *
 * The Zaken API's writes are test helpers (`addZaak`, `addRol`, `setStatus`): setting a status does what
 * POST /statussen does (an eindstatus sets the zaak's einddatum) and publishes the notification through
 * the Notificaties API over HTTP, as a Zaken API does.
 */
import { randomUUID } from 'node:crypto'
import { close, isUri, json, listen, messageErrors, problem, readJson } from './http-helpers.ts'
import { type Clients, checkZgwJwt } from './jwt-check.ts'
import { signZgwJwt } from './jwt-sign.ts'

/** The client Klankbord uses, and the Zaken API's own client for publishing. */
export const KLANKBORD_CLIENT = { clientId: 'klankbord-test', secret: 'een-lang-geheim-voor-de-test-1234' }
const ZAKEN_CLIENT = { clientId: 'zaken-api', secret: 'geheim-van-de-zaken-api-5678' }

export interface TestZaak {
  url: string
  uuid: string
  identificatie: string
  bronorganisatie: string
  zaaktype: string
  startdatum: string
  einddatum: string | null
  status: string | null
  [key: string]: unknown
}

interface Abonnement {
  url: string
  uuid: string
  callbackUrl: string
  auth: string
  kanalen: { naam: string; filters?: Record<string, string> }[]
}

/** The running pair of APIs. */
export interface ZgwServers {
  notificatiesUrl: string
  zakenUrl: string
  abonnementen: Abonnement[]
  /** Status codes Klankbord's callback answered, per delivered notification (test messages too). */
  deliveries: { kanaal: string; status: number }[]
  /** Every request the Zaken API answered: method, path and status (to check what was read). */
  zakenRequests: { method: string; path: string; status: number }[]
  /** While true the Zaken API answers 503 to everything. */
  zakenDown: boolean
  addZaak(input: { identificatie: string; zaaktype: string }): TestZaak
  addRol(zaak: TestZaak, input: { omschrijvingGeneriek: string; email?: string; phone?: string }): void
  /** Sets a status (eindstatus when `final`) and publishes the notification it causes. */
  setStatus(
    zaak: TestZaak,
    input: { final: boolean; at?: Date },
  ): Promise<{ statusUrl: string; message: Record<string, unknown> }>
  /** Publishes a message as given (to test duplicates). */
  publish(message: Record<string, unknown>): Promise<number>
  close(): Promise<void>
}

/** Starts both APIs. `rolPageSize` makes GET /rollen page early, to test following `next`. */
export async function startZgwServers(options: { rolPageSize?: number } = {}): Promise<ZgwServers> {
  const clients: Clients = {
    [KLANKBORD_CLIENT.clientId]: KLANKBORD_CLIENT.secret,
    [ZAKEN_CLIENT.clientId]: ZAKEN_CLIENT.secret,
  }
  const zaken = new Map<string, TestZaak>()
  const statussen = new Map<string, Record<string, unknown>>()
  const rollen: Record<string, unknown>[] = []
  const abonnementen: Abonnement[] = []
  const deliveries: { kanaal: string; status: number }[] = []
  const zakenRequests: { method: string; path: string; status: number }[] = []
  const pageSize = options.rolPageSize ?? 100

  const deliver = async (a: Abonnement, message: Record<string, unknown>) => {
    try {
      const res = await fetch(a.callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: a.auth },
        body: JSON.stringify(message),
      })
      await res.body?.cancel()
      deliveries.push({ kanaal: String(message.kanaal), status: res.status })
      return res.status
    } catch {
      deliveries.push({ kanaal: String(message.kanaal), status: 0 })
      return 0
    }
  }

  const nrc = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const refused = checkZgwJwt(req.headers.authorization, clients)
    if (refused === 'missing') return problem(res, 401, 'not_authenticated', 'Geen JWT meegestuurd.')
    if (refused) return problem(res, 403, 'permission_denied', `JWT geweigerd (${refused}).`)
    if (url.pathname === '/api/v1/abonnement' && req.method === 'GET') return json(res, 200, abonnementen)
    if (url.pathname === '/api/v1/abonnement' && req.method === 'POST') {
      if (!/^application\/json/.test(req.headers['content-type'] ?? ''))
        return problem(res, 415, 'unsupported_media_type', 'Stuur application/json.')
      const body = ((await readJson(req)) ?? {}) as Record<string, unknown>
      const bad: { name: string; code: string; reason: string }[] = []
      if (!isUri(body.callbackUrl, 200))
        bad.push({ name: 'callbackUrl', code: 'invalid', reason: 'Geen URL.' })
      if (typeof body.auth !== 'string' || body.auth.length < 1 || body.auth.length > 1000)
        bad.push({ name: 'auth', code: 'required', reason: 'Verplicht.' })
      const kanalen = body.kanalen
      if (
        !Array.isArray(kanalen) ||
        kanalen.some(
          (k) =>
            typeof k?.naam !== 'string' || k.naam.length < 1 || (k.filters && typeof k.filters !== 'object'),
        )
      )
        bad.push({ name: 'kanalen', code: 'invalid', reason: 'Lijst van {naam, filters}.' })
      if (bad.length) return problem(res, 400, 'invalid', 'Ongeldige invoer.', bad)
      const uuid = randomUUID()
      const a: Abonnement = {
        url: `http://127.0.0.1:${nrc.port}/api/v1/abonnement/${uuid}`,
        uuid,
        callbackUrl: body.callbackUrl as string,
        auth: body.auth as string,
        kanalen: kanalen as Abonnement['kanalen'],
      }
      // The reference implementation's CallbackURLValidator: a test notification must get 204.
      const test = await deliver(a, {
        kanaal: 'test',
        hoofdObject: 'http://some.hoofdobject.nl/',
        resource: 'some_resource',
        resourceUrl: 'http://some.resource.nl/',
        actie: 'create',
        aanmaakdatum: new Date().toISOString(),
        kenmerken: {},
      })
      if (test !== 204)
        return problem(res, 400, 'invalid', 'Ongeldige invoer.', [
          { name: 'callbackUrl', code: 'invalid-callback-url', reason: 'De callback-URL gaf geen 204.' },
        ])
      abonnementen.push(a)
      return json(res, 201, a, { location: a.url })
    }
    const one = /^\/api\/v1\/abonnement\/([0-9a-f-]{36})$/.exec(url.pathname)
    if (one && req.method === 'DELETE') {
      const i = abonnementen.findIndex((a) => a.uuid === one[1])
      if (i < 0) return problem(res, 404, 'not_found', 'Niet gevonden.')
      abonnementen.splice(i, 1)
      res.writeHead(204).end()
      return
    }
    if (url.pathname === '/api/v1/notificaties' && req.method === 'POST') {
      const message = ((await readJson(req)) ?? {}) as Record<string, unknown>
      const bad = messageErrors(message)
      if (bad.length) return problem(res, 400, 'invalid', 'Ongeldige invoer.', bad)
      for (const a of abonnementen) {
        const wanted = a.kanalen.some(
          (k) =>
            k.naam === message.kanaal &&
            Object.entries(k.filters ?? {}).every(
              ([key, v]) => (message.kenmerken as Record<string, string> | undefined)?.[key] === v,
            ),
        )
        if (wanted) await deliver(a, message)
      }
      return json(res, 200, message)
    }
    return problem(res, 404, 'not_found', 'Niet gevonden.')
  })

  const zrcBase = () => `http://127.0.0.1:${zrc.port}/zaken/api/v1`
  const zrc = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const answer = (status: number, send: () => void) => {
      zakenRequests.push({ method: req.method ?? '', path: url.pathname, status })
      send()
    }
    if (servers.zakenDown)
      return answer(503, () => problem(res, 503, 'unavailable', 'Tijdelijk niet beschikbaar.'))
    const refused = checkZgwJwt(req.headers.authorization, clients)
    if (refused === 'missing')
      return answer(401, () => problem(res, 401, 'not_authenticated', 'Geen JWT meegestuurd.'))
    if (refused)
      return answer(403, () => problem(res, 403, 'permission_denied', `JWT geweigerd (${refused}).`))
    if (req.method !== 'GET')
      return answer(405, () => problem(res, 405, 'method_not_allowed', 'Niet toegestaan.'))
    const zaak = /^\/zaken\/api\/v1\/zaken\/([0-9a-f-]{36})$/.exec(url.pathname)
    if (zaak) {
      if (req.headers['accept-crs'] !== 'EPSG:4326')
        return answer(412, () => problem(res, 412, 'precondition_failed', "'Accept-Crs' header ontbreekt"))
      const z = zaken.get(zaak[1] as string)
      if (!z) return answer(404, () => problem(res, 404, 'not_found', 'Niet gevonden.'))
      return answer(200, () => json(res, 200, z, { 'content-crs': 'EPSG:4326' }))
    }
    const status = /^\/zaken\/api\/v1\/statussen\/([0-9a-f-]{36})$/.exec(url.pathname)
    if (status) {
      const s = statussen.get(status[1] as string)
      if (!s) return answer(404, () => problem(res, 404, 'not_found', 'Niet gevonden.'))
      return answer(200, () => json(res, 200, s))
    }
    if (url.pathname === '/zaken/api/v1/rollen') {
      const zaakUrl = url.searchParams.get('zaak')
      const generic = url.searchParams.get('omschrijvingGeneriek')
      const page = Number(url.searchParams.get('page') ?? '1')
      const all = rollen.filter(
        (r) => (!zaakUrl || r.zaak === zaakUrl) && (!generic || r.omschrijvingGeneriek === generic),
      )
      const results = all.slice((page - 1) * pageSize, page * pageSize)
      const link = (p: number) => {
        const u = new URL(`${zrcBase()}/rollen`)
        u.search = url.search
        u.searchParams.set('page', String(p))
        return u.toString()
      }
      return answer(200, () =>
        json(res, 200, {
          count: all.length,
          next: page * pageSize < all.length ? link(page + 1) : null,
          previous: page > 1 ? link(page - 1) : null,
          results,
        }),
      )
    }
    return answer(404, () => problem(res, 404, 'not_found', 'Niet gevonden.'))
  })

  const publish = async (message: Record<string, unknown>) => {
    const res = await fetch(`http://127.0.0.1:${nrc.port}/api/v1/notificaties`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${signZgwJwt(ZAKEN_CLIENT.clientId, ZAKEN_CLIENT.secret)}`,
      },
      body: JSON.stringify(message),
    })
    await res.body?.cancel()
    return res.status
  }

  const servers: ZgwServers = {
    notificatiesUrl: `http://127.0.0.1:${nrc.port}/api/v1`,
    zakenUrl: zrcBase(),
    abonnementen,
    deliveries,
    zakenRequests,
    zakenDown: false,
    addZaak(input) {
      const uuid = randomUUID()
      const z: TestZaak = {
        url: `${zrcBase()}/zaken/${uuid}`,
        uuid,
        identificatie: input.identificatie,
        bronorganisatie: '002220647',
        omschrijving: 'Aanvraag',
        zaaktype: input.zaaktype,
        registratiedatum: '2026-11-01',
        verantwoordelijkeOrganisatie: '002220647',
        startdatum: '2026-11-01',
        einddatum: null,
        vertrouwelijkheidaanduiding: 'openbaar',
        betalingsindicatieWeergave: '',
        deelzaken: [],
        eigenschappen: [],
        rollen: [],
        status: null,
        resultaat: null,
        zaakinformatieobjecten: [],
        zaakobjecten: [],
      }
      zaken.set(uuid, z)
      return z
    },
    addRol(zaak, input) {
      const uuid = randomUUID()
      const url = `${zrcBase()}/rollen/${uuid}`
      rollen.push({
        url,
        uuid,
        zaak: zaak.url,
        betrokkene: '',
        betrokkeneType: 'natuurlijk_persoon',
        roltype: 'https://catalogi.example.nl/catalogi/api/v1/roltypen/1',
        omschrijving: input.omschrijvingGeneriek === 'initiator' ? 'Aanvrager' : 'Behandelaar',
        omschrijvingGeneriek: input.omschrijvingGeneriek,
        roltoelichting: 'test',
        registratiedatum: new Date().toISOString(),
        indicatieMachtiging: '',
        contactpersoonRol:
          input.email || input.phone
            ? { emailadres: input.email ?? '', telefoonnummer: input.phone ?? '', naam: 'J. Jansen' }
            : null,
        statussen: [],
        // Personal data Klankbord must not copy anywhere: a BSN and a name.
        betrokkeneIdentificatie: { inpBsn: '999993653', geslachtsnaam: 'Jansen', voorletters: 'J' },
      })
      ;(zaak.rollen as string[]).push(url)
    },
    async setStatus(zaak, input) {
      const at = input.at ?? new Date()
      const uuid = randomUUID()
      const url = `${zrcBase()}/statussen/${uuid}`
      for (const s of statussen.values()) if (s.zaak === zaak.url) s.indicatieLaatstGezetteStatus = false
      statussen.set(uuid, {
        url,
        uuid,
        zaak: zaak.url,
        statustype: `https://catalogi.example.nl/catalogi/api/v1/statustypen/${input.final ? 'afgerond' : 'in-behandeling'}`,
        datumStatusGezet: at.toISOString(),
        statustoelichting: '',
        indicatieLaatstGezetteStatus: true,
        gezetdoor: '',
        zaakinformatieobjecten: [],
      })
      zaak.status = url
      // POST /statussen: "Indien het statustype de eindstatus is, dan wordt de zaak afgesloten door de
      // einddatum te zetten" (and a later non-final status reopens it).
      zaak.einddatum = input.final ? at.toISOString().slice(0, 10) : null
      const message = {
        kanaal: 'zaken',
        hoofdObject: zaak.url,
        resource: 'status',
        resourceUrl: url,
        actie: 'create',
        aanmaakdatum: new Date().toISOString(),
        kenmerken: {
          bronorganisatie: zaak.bronorganisatie,
          zaaktype: zaak.zaaktype,
          vertrouwelijkheidaanduiding: 'openbaar',
        },
      }
      await publish(message)
      return { statusUrl: url, message }
    },
    publish,
    async close() {
      await Promise.all([close(nrc.server), close(zrc.server)])
    },
  }
  return servers
}
