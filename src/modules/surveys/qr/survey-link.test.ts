import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { SurveyDefinition } from '../definition/schema.ts'
import { surveyLink } from './survey-link.ts'

const hidden: SurveyDefinition['hidden'] = [
  { code: 'kanaal', source: 'channel', queryParam: 'kanaal' },
  { code: 'locatie', source: 'touchpoint', queryParam: 'plek' },
]

describe('the survey link of a QR code', () => {
  it('carries channel and place in the hidden fields’ own parameters, encoded', () => {
    const link = surveyLink('https://klankbord.example.nl/', 'abc123', hidden, {
      channel: 'balie',
      touchpoint: 'Stadskantoor, balie 3 & 4',
    })
    assert.equal(
      link.url,
      'https://klankbord.example.nl/s/abc123?kanaal=balie&plek=Stadskantoor%2C+balie+3+%26+4',
    )
    assert.deepEqual(link.missing, [])
    assert.equal(new URL(link.url).searchParams.get('plek'), 'Stadskantoor, balie 3 & 4')
  })

  it('leaves out empty values and reports what the survey cannot record', () => {
    const onlyChannel = surveyLink('http://localhost:3000', 'k', hidden.slice(0, 1), {
      channel: ' ',
      touchpoint: 'Balie',
    })
    assert.equal(onlyChannel.url, 'http://localhost:3000/s/k')
    assert.deepEqual(onlyChannel.missing, ['touchpoint'])
  })
})
