import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodeQrPng } from '../../../../test/qr.ts'
import { qrPng, qrSvg } from './qr-code.ts'

const TEXT = 'https://klankbord.example.nl/s/abc123?kanaal=balie&plek=Stadskantoor%2C+balie+3'

describe('QR codes of survey links', () => {
  it('makes a PNG that an independent decoder (jsQR) reads back as the link', async () => {
    assert.equal(decodeQrPng(await qrPng(TEXT)), TEXT)
  })

  it('makes an SVG with a white quiet zone and black modules, at any size', async () => {
    const svg = await qrSvg(TEXT)
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox="0 0 (\d+) \1"/)
    assert.match(svg, /fill="#ffffff"/)
    assert.match(svg, /stroke="#000000"/)
  })
})
