import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { initiatorContact, isEindstatus, isUnder, sameUrl, statusExternalId } from './zaak.ts'

const base = 'https://zaken.example.nl/zaken/api/v1'
const zaakUrl = `${base}/zaken/8f0c0d3e-2b3c-4d5e-8f9a-0b1c2d3e4f5a`
const statusUrl = `${base}/statussen/0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d`
const status = { url: statusUrl, zaak: zaakUrl, statustype: 'x', datumStatusGezet: '2026-11-23T10:00:00Z' }
const zaak = { url: zaakUrl, zaaktype: 'zt', einddatum: '2026-11-23', status: statusUrl }

describe('the eindstatus rule (Zaken API 1.5: an eindstatus sets zaak.einddatum)', () => {
  it('is the eindstatus when the zaak has an einddatum and this is the status set last', () => {
    assert.equal(isEindstatus({ ...status, indicatieLaatstGezetteStatus: true }, zaak), true)
  })
  it('falls back to zaak.status when the provider leaves indicatieLaatstGezetteStatus out', () => {
    assert.equal(isEindstatus(status, zaak), true)
    assert.equal(isEindstatus(status, { ...zaak, status: `${statusUrl}/` }), true, 'trailing slash')
    assert.equal(isEindstatus(status, { ...zaak, status: `${base}/statussen/other` }), false)
  })
  it('is not the eindstatus when the zaak has no einddatum (still open, or reopened)', () => {
    assert.equal(
      isEindstatus({ ...status, indicatieLaatstGezetteStatus: true }, { ...zaak, einddatum: null }),
      false,
    )
  })
  it('is not the eindstatus when a later status was set', () => {
    assert.equal(isEindstatus({ ...status, indicatieLaatstGezetteStatus: false }, zaak), false)
  })
  it('is not the eindstatus of another zaak', () => {
    assert.equal(isEindstatus({ ...status, zaak: `${base}/zaken/other` }, zaak), false)
  })
})

describe('contact details of the initiator (contactpersoonRol)', () => {
  it('takes the first initiator that has an e-mail address or phone number', () => {
    const rollen = [
      { omschrijvingGeneriek: 'behandelaar', contactpersoonRol: { emailadres: 'medewerker@gemeente.nl' } },
      { omschrijvingGeneriek: 'initiator', contactpersoonRol: null },
      {
        omschrijvingGeneriek: 'initiator',
        contactpersoonRol: { emailadres: ' ', telefoonnummer: '0612345678' },
      },
      { omschrijvingGeneriek: 'initiator', contactpersoonRol: { emailadres: 'later@example.nl' } },
    ]
    assert.deepEqual(initiatorContact(rollen), { email: null, phone: '0612345678' })
  })
  it('gives null without an initiator with contact details', () => {
    assert.equal(
      initiatorContact([
        { omschrijvingGeneriek: 'belanghebbende', contactpersoonRol: { emailadres: 'a@b.nl' } },
      ]),
      null,
    )
    assert.equal(initiatorContact([]), null)
  })
})

describe('URLs', () => {
  it('calls only URLs under the configured API root', () => {
    assert.equal(isUnder(statusUrl, base), true)
    assert.equal(isUnder(statusUrl, `${base}/`), true)
    assert.equal(isUnder('https://zaken.example.nl/zaken/api/v10/x', base), false)
    assert.equal(isUnder('https://evil.example.nl/zaken/api/v1/x', base), false)
    assert.equal(isUnder('http://zaken.example.nl/zaken/api/v1/x', base), false, 'other scheme')
    assert.equal(isUnder('not a url', base), false)
  })
  it('compares URLs without a trailing slash and case of the host', () => {
    assert.equal(sameUrl('https://ZAKEN.example.nl/a/', 'https://zaken.example.nl/a'), true)
    assert.equal(sameUrl(null, 'https://x'), false)
  })
  it('derives one external id per status URL, the same with or without trailing slash', () => {
    assert.equal(statusExternalId(statusUrl), statusExternalId(`${statusUrl}/`))
    assert.notEqual(statusExternalId(statusUrl), statusExternalId(`${base}/statussen/other`))
    assert.match(statusExternalId(statusUrl), /^zgw-status:[A-Za-z0-9_-]{43}$/)
  })
})
