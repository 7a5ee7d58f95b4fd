/** Reads QR codes back in tests with an independent decoder (jsQR), from PNG bytes. */
import jsqr from 'jsqr'
import { PNG } from 'pngjs'

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null
// jsQR is a CommonJS module whose types declare an ES default export; take whichever the loader gives.
const jsQR = ((jsqr as unknown as { default?: Decode }).default ?? jsqr) as unknown as Decode

/** The text of the QR code in a PNG image, or null when none is found. */
export function decodeQrPng(png: Buffer | Uint8Array): string | null {
  const image = PNG.sync.read(Buffer.from(png))
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null
}
