/**
 * Pure decisions on Zaken API 1.5 resources (docs/decisions/0012-common-ground.md):
 *
 * - **Eindstatus.** Whether a status is the eindstatus is a property of its statustype in the Catalogi
 *   API, which Klankbord does not call. The Zaken API 1.5 spec (POST /statussen, "Opmerkingen") says:
 *   "Indien het statustype de eindstatus is (volgens het ZTC), dan wordt de zaak afgesloten door de
 *   einddatum te zetten", and `zaak.status` points at the status set last. So a status is taken as the
 *   eindstatus when the zaak has an `einddatum` and this status is the last one set
 *   (`indicatieLaatstGezetteStatus`, or `zaak.status` equal to the status URL when a provider leaves the
 *   indication out). A zaak that was reopened since has no einddatum and is not invited for.
 * - **Contact details** come from the `contactpersoonRol` (emailadres, telefoonnummer) of a rol whose
 *   `omschrijvingGeneriek` is `initiator`: the person who started the zaak is the one asked about it.
 *   The first initiator with an address wins; names, BSN and postal addresses are never read.
 */
import { createHash } from 'node:crypto'

/** The fields of a Status (Zaken API 1.5) this module reads. */
export interface ZgwStatus {
  url: string
  zaak: string
  statustype: string
  datumStatusGezet: string
  indicatieLaatstGezetteStatus?: boolean
}

/** The fields of a Zaak (Zaken API 1.5) this module reads. */
export interface ZgwZaak {
  url: string
  identificatie?: string
  zaaktype: string
  einddatum: string | null
  status: string | null
}

/** The fields of a Rol (Zaken API 1.5) this module reads. */
export interface ZgwRol {
  omschrijvingGeneriek: string
  contactpersoonRol?: { emailadres?: string | null; telefoonnummer?: string | null } | null
}

/** URLs compare without a trailing slash and with a lower-case scheme and host. */
export function sameUrl(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false
  const norm = (u: string) => {
    try {
      const x = new URL(u)
      return `${x.protocol}//${x.host}${x.pathname.replace(/\/+$/, '')}${x.search}`
    } catch {
      return u.replace(/\/+$/, '')
    }
  }
  return norm(a) === norm(b)
}

/** Whether `url` lies under the API root `base` (same origin, path below it): only such URLs are called. */
export function isUnder(url: string, base: string): boolean {
  try {
    const u = new URL(url)
    const b = new URL(base)
    const root = b.pathname.endsWith('/') ? b.pathname : `${b.pathname}/`
    return u.origin === b.origin && (u.pathname === root.slice(0, -1) || u.pathname.startsWith(root))
  } catch {
    return false
  }
}

/** Whether `status` closed `zaak` (the eindstatus rule above). */
export function isEindstatus(status: ZgwStatus, zaak: ZgwZaak): boolean {
  if (!zaak.einddatum) return false
  if (!sameUrl(status.zaak, zaak.url)) return false
  return status.indicatieLaatstGezetteStatus ?? sameUrl(zaak.status, status.url)
}

/** The e-mail address and phone number of the first initiator that has one, or null. */
export function initiatorContact(rollen: ZgwRol[]): { email: string | null; phone: string | null } | null {
  for (const rol of rollen) {
    if (rol.omschrijvingGeneriek !== 'initiator') continue
    const email = rol.contactpersoonRol?.emailadres?.trim() || null
    const phone = rol.contactpersoonRol?.telefoonnummer?.trim() || null
    if (email || phone) return { email, phone }
  }
  return null
}

/**
 * The contact moment's external id for a status: a replay of the same status (a second notification,
 * a retry after a crash) then answers the first decision instead of inviting twice.
 */
export function statusExternalId(statusUrl: string): string {
  const canonical = new URL(statusUrl)
  const key = `${canonical.origin}${canonical.pathname.replace(/\/+$/, '')}`
  return `zgw-status:${createHash('sha256').update(key).digest('base64url')}`
}
