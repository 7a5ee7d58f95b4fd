import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import {
  CsvError,
  CsvParser,
  detectSeparator,
  formatCsv,
  parseCsv,
  readCsvRecords,
  type Separator,
} from './csv.ts'

const fields = (text: string, separator?: Separator) => parseCsv(text, { separator }).map((r) => r.fields)

async function* chunksOf(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

async function collect(source: AsyncIterable<{ fields: string[] }>) {
  const out: string[][] = []
  for await (const r of source) out.push(r.fields)
  return out
}

describe('the CSV parser', () => {
  it('reads plain comma-separated records with LF line ends', () => {
    assert.deepEqual(fields('a,b,c\n1,2,3\n'), [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ])
  })

  it('reads quoted fields with separators, line breaks and doubled quotes inside', () => {
    assert.deepEqual(fields('a,b\n"x, y","he said ""hi""\r\nand left"\n'), [
      ['a', 'b'],
      ['x, y', 'he said "hi"\r\nand left'],
    ])
  })

  it('treats CRLF, LF and a lone CR as one line break each', () => {
    assert.deepEqual(fields('a\r\nb\nc\rd'), [['a'], ['b'], ['c'], ['d']])
  })

  it('drops a byte order mark at the start', () => {
    assert.deepEqual(fields('\uFEFFreference;product\r\nZ1;p\r\n'), [
      ['reference', 'product'],
      ['Z1', 'p'],
    ])
  })

  it('detects the semicolon that Dutch Excel writes, and keeps commas in values then', () => {
    assert.deepEqual(fields('zaak;product;contactmomenten\nZ-1;paspoort, spoed;2\n'), [
      ['zaak', 'product', 'contactmomenten'],
      ['Z-1', 'paspoort, spoed', '2'],
    ])
    assert.equal(detectSeparator('a,b;c,d'), ',')
    assert.equal(detectSeparator('"a;b;c",d'), ',')
    assert.equal(detectSeparator('a;b;c,d'), ';')
  })

  it('keeps empty fields, including an empty last field', () => {
    assert.deepEqual(fields('a,,c,\n,,,\n'), [
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ])
  })

  it('numbers rows like a spreadsheet: every record counts, also an empty line and a multi-line value', () => {
    const rows = parseCsv('h1,h2\n"x\ny",1\n\nz,2\n').map((r) => [r.row, r.fields])
    assert.deepEqual(rows, [
      [1, ['h1', 'h2']],
      [2, ['x\ny', '1']],
      [3, ['']],
      [4, ['z', '2']],
    ])
  })

  it('keeps a quote inside an unquoted field literally', () => {
    assert.deepEqual(fields('5" disk,x\n'), [['5" disk', 'x']])
  })

  it('refuses a quoted field that is never closed, naming the line it starts on', () => {
    assert.throws(
      () => parseCsv('a,b\n1,"open\nstill open'),
      (e: unknown) => e instanceof CsvError && e.line === 2 && /not closed/.test(e.message),
    )
  })

  it('refuses text after a closing quote', () => {
    assert.throws(
      () => parseCsv('a,b\n"x"y,1\n'),
      (e: unknown) => e instanceof CsvError && e.line === 2,
    )
  })

  it('gives the same records whatever the chunk boundaries, also a CRLF split over two chunks', () => {
    const text = 'ref;start\r\n"Z;1";01-03-2026\r\n"Z ""2""";02-03-2026\r\n'
    const whole = fields(text)
    for (let size = 1; size <= text.length; size++) {
      const parser = new CsvParser()
      const out: string[][] = []
      for (let i = 0; i < text.length; i += size)
        out.push(...parser.push(text.slice(i, i + size)).map((r) => r.fields))
      out.push(...parser.end().map((r) => r.fields))
      assert.deepEqual(out, whole, `chunk size ${size}`)
    }
  })

  it('round-trips any records through format and parse (property)', () => {
    const field = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[a-z",;\r\n ]{0,8}$/),
      fc.constantFrom('', '"', '""', ',', ';', '\r\n', '\r', '\n', ' x '),
    )
    const record = fc.array(field, { minLength: 1, maxLength: 6 })
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 20 }),
        fc.constantFrom<Separator>(',', ';'),
        (records, sep) => {
          assert.deepEqual(fields(formatCsv(records, sep), sep), records)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('round-trips with the separator detected and across byte chunks of the UTF-8 stream (property)', async () => {
    const field = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('é', '€', '"', ';', ',', '\r\n'))
    const header = fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 2, maxLength: 5 })
    await fc.assert(
      fc.asyncProperty(
        header,
        fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { maxLength: 10 }),
        fc.constantFrom<Separator>(',', ';'),
        fc.integer({ min: 1, max: 7 }),
        async (head, body, sep, size) => {
          const records = [head, ...body.map((r) => head.map((_, i) => r[i] ?? ''))]
          const bytes = new TextEncoder().encode(`\uFEFF${formatCsv(records, sep)}\r\n`)
          assert.deepEqual(await collect(readCsvRecords(chunksOf(bytes, size))), records)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('reading a CSV byte stream', () => {
  it('refuses an Excel workbook with a hint to save as CSV', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])
    await assert.rejects(collect(readCsvRecords(chunksOf(zip, 3))), /spreadsheet workbook.*CSV UTF-8/)
  })

  it('refuses bytes that are not UTF-8, and reads them as windows-1252 when asked', async () => {
    const latin = new Uint8Array([...new TextEncoder().encode('naam\n'), 0x43, 0x61, 0x66, 0xe9, 0x0a])
    await assert.rejects(collect(readCsvRecords(chunksOf(latin, 4))), /not valid UTF-8/)
    assert.deepEqual(await collect(readCsvRecords(chunksOf(latin, 4), { encoding: 'windows-1252' })), [
      ['naam'],
      ['Café'],
    ])
  })

  it('refuses binary data with NUL bytes', async () => {
    await assert.rejects(
      collect(readCsvRecords(chunksOf(new Uint8Array([0x61, 0, 0x62, 0x0a]), 2))),
      /binary/,
    )
  })
})
