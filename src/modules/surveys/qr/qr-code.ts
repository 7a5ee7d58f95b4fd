/**
 * QR codes of survey links, as SVG (for print: sharp at any size) and PNG (for tools that want a
 * picture). Error correction level M (15%) survives a crease or a smudge on paper; the quiet zone of 4
 * modules is what the QR standard (ISO/IEC 18004) asks for around the code.
 */
import QRCode from 'qrcode'

const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const

/** The QR code of `text` as an SVG document (black on white). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: 'svg', color: { dark: '#000000', light: '#ffffff' } })
}

/** The QR code of `text` as a PNG with `scale` pixels per module. */
export function qrPng(text: string, scale = 8): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: 'png', scale })
}
