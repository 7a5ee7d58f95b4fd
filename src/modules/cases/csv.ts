/**
 * A small streaming CSV reader and writer (RFC 4180, plus what Dutch spreadsheet exports need).
 *
 * Rules:
 * - fields are separated by ',' or ';'. Dutch Excel writes ';' (the comma is the decimal sign), so unless
 *   a separator is given it is detected on the first record: ';' when it has more ';' than ',' outside
 *   quotes, otherwise ','.
 * - a field may be quoted with '"'; inside quotes a doubled quote is one quote, and separators and line
 *   breaks are literal. After a closing quote only a separator or a line break may follow.
 * - records end at CRLF, LF or a lone CR; a CRLF split over two chunks is one line break.
 * - a byte order mark at the very start is dropped.
 * - a quote inside an unquoted field is kept literally (Excel reads `5" disk` that way too).
 * A quoted field that is never closed, or text after a closing quote, is a CsvError with the line number.
 * Every record, including an empty line, gets the next row number (the header is row 1), so row
 * numbers match what a spreadsheet shows. Callers decide what to do with empty records.
 */

/** A problem that makes the whole file unreadable (not one bad value). */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(line === null ? message : `Line ${line}: ${message}`)
    this.name = 'CsvError'
  }
}

/** One record with its row number (1-based, counting every record including the header). */
export interface CsvRecord {
  row: number
  fields: string[]
}

export type Separator = ',' | ';'

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/** Incremental parser: feed text chunks with `push`, then call `end`. */
export class CsvParser {
  private separator: Separator | null
  private state = State.FieldStart
  private field = ''
  private fields: string[] = []
  private line = 1
  private recordLine = 1
  private row = 0
  private skipLf = false
  private started = false
  /** Text held back until the first record is complete and the separator is known. */
  private head = ''

  constructor(options: { separator?: Separator } = {}) {
    this.separator = options.separator ?? null
  }

  /** The separator in use (null until the first record has been seen). */
  get detectedSeparator(): Separator | null {
    return this.separator
  }

  /** Parses a chunk and returns the records completed by it. */
  push(chunk: string): CsvRecord[] {
    let text = chunk
    if (!this.started) {
      if (text.length === 0) return []
      this.started = true
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    if (this.separator === null) {
      this.head += text
      const end = firstRecordEnd(this.head)
      if (end === -1) return []
      this.separator = detectSeparator(this.head.slice(0, end))
      text = this.head
      this.head = ''
    }
    const out: CsvRecord[] = []
    this.scan(text, out)
    return out
  }

  /** Finishes the input and returns the last record, if any. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = []
    if (this.separator === null) {
      this.separator = detectSeparator(this.head)
      const text = this.head
      this.head = ''
      this.scan(text, out)
    }
    if (this.state === State.Quoted) throw new CsvError('a quoted field is not closed', this.recordLine)
    if (this.state !== State.FieldStart || this.fields.length > 0) this.finishRecord(out)
    return out
  }

  private scan(text: string, out: CsvRecord[]) {
    const sep = this.separator
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string
      if (this.skipLf) {
        this.skipLf = false
        if (ch === '\n') continue
      }
      switch (this.state) {
        case State.FieldStart:
          if (ch === '"') this.state = State.Quoted
          else if (ch === sep) this.fields.push('')
          else if (ch === '\r' || ch === '\n') {
            // "a,<newline>": the separator opened an empty last field.
            if (this.fields.length > 0) this.fields.push('')
            this.lineBreak(ch, out)
          } else {
            this.field = ch
            this.state = State.Unquoted
          }
          break
        case State.Unquoted: {
          // Copy a run of ordinary characters at once: most fields contain no special character.
          let j = i
          while (j < text.length) {
            const c = text[j]
            if (c === sep || c === '\r' || c === '\n') break
            j++
          }
          this.field += text.slice(i, j)
          i = j - 1
          if (j < text.length) {
            const c = text[j] as string
            i = j
            if (c === sep) this.endField()
            else {
              this.endField()
              this.lineBreak(c, out)
            }
          }
          break
        }
        case State.Quoted: {
          const q = text.indexOf('"', i)
          const stop = q === -1 ? text.length : q
          const part = text.slice(i, stop)
          this.field += part
          this.line += countLines(part)
          i = stop
          if (q !== -1) this.state = State.QuoteInQuoted
          break
        }
        case State.QuoteInQuoted:
          if (ch === '"') {
            this.field += '"'
            this.state = State.Quoted
          } else if (ch === sep) {
            this.endField()
          } else if (ch === '\r' || ch === '\n') {
            this.endField()
            this.lineBreak(ch, out)
          } else {
            throw new CsvError(`unexpected text after a closing quote: ${JSON.stringify(ch)}`, this.line)
          }
          break
      }
    }
  }

  private endField() {
    this.fields.push(this.field)
    this.field = ''
    this.state = State.FieldStart
  }

  /** Ends the record at a line break; the current field has already been closed by the caller. */
  private lineBreak(ch: string, out: CsvRecord[]) {
    this.emit(out)
    if (ch === '\r') this.skipLf = true
    this.line += 1
    this.recordLine = this.line
  }

  private finishRecord(out: CsvRecord[]) {
    if (this.state === State.QuoteInQuoted || this.state === State.Unquoted) this.endField()
    else if (this.state === State.FieldStart && this.fields.length > 0) this.fields.push('')
    this.emit(out)
  }

  private emit(out: CsvRecord[]) {
    this.row += 1
    out.push({ row: this.row, fields: this.fields.length ? this.fields : [''] })
    this.fields = []
    this.field = ''
    this.state = State.FieldStart
  }
}

function countLines(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) n++
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++
  }
  return n
}

/** Index of the line break that ends the first record (outside quotes), or -1 when not yet seen. */
function firstRecordEnd(text: string): number {
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') quoted = !quoted
    else if (!quoted && (c === '\n' || c === '\r')) return i
  }
  return -1
}

/** Picks ';' when the line has more semicolons than commas outside quotes, otherwise ','. */
export function detectSeparator(line: string): Separator {
  let quoted = false
  let commas = 0
  let semicolons = 0
  for (const c of line) {
    if (c === '"') quoted = !quoted
    else if (!quoted && c === ',') commas++
    else if (!quoted && c === ';') semicolons++
  }
  return semicolons > commas ? ';' : ','
}

/** Parses a whole text at once. */
export function parseCsv(text: string, options: { separator?: Separator } = {}): CsvRecord[] {
  const parser = new CsvParser(options)
  return [...parser.push(text), ...parser.end()]
}

/** Quotes a field when it holds a separator, a quote, a line break or leading/trailing spaces. */
export function formatField(value: string): string {
  if (value === '' || !/[",;\r\n]|^\s|\s$/.test(value)) return value
  return `"${value.replaceAll('"', '""')}"`
}

/** Writes records as CSV with CRLF line ends (RFC 4180). */
export function formatCsv(records: readonly (readonly string[])[], separator: Separator = ','): string {
  // A record of one empty field is written as "" so that it does not read back as a blank line.
  return records
    .map((r) => (r.length === 1 && r[0] === '' ? '""' : r.map((f) => formatField(f)).join(separator)))
    .join('\r\n')
}

/**
 * Decodes a byte stream and yields CSV records as they complete. Refuses what is clearly not a CSV text
 * (an Excel workbook, bytes that are not valid in the chosen encoding, NUL characters) with a CsvError.
 */
export async function* readCsvRecords(
  bytes: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: { separator?: Separator; encoding?: 'utf-8' | 'windows-1252' } = {},
): AsyncGenerator<CsvRecord> {
  const encoding = options.encoding ?? 'utf-8'
  const decoder = new TextDecoder(encoding, { fatal: true })
  const parser = new CsvParser({ separator: options.separator })
  // The first four bytes are held back until they can be checked for a zip signature.
  let prefix: Uint8Array | null = new Uint8Array(0)
  for await (const chunk of bytes) {
    let buf: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    if (prefix !== null) {
      buf = Buffer.concat([prefix, buf])
      if (buf.length < 4) {
        prefix = buf
        continue
      }
      prefix = null
      checkNotWorkbook(buf)
    }
    yield* parser.push(decode(decoder, buf, true, encoding))
  }
  if (prefix !== null) yield* parser.push(decode(decoder, prefix, true, encoding))
  yield* parser.push(decode(decoder, new Uint8Array(0), false, encoding))
  yield* parser.end()
}

/** "PK\x03\x04" starts a zip file, which is what .xlsx and .ods workbooks are. */
function checkNotWorkbook(buf: Uint8Array) {
  if (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04)
    throw new CsvError('this is a spreadsheet workbook (.xlsx/.ods), not CSV: save it as "CSV UTF-8"')
}

function decode(decoder: TextDecoder, buf: Uint8Array, stream: boolean, encoding: string): string {
  let text: string
  try {
    text = decoder.decode(buf, { stream })
  } catch {
    throw new CsvError(
      encoding === 'utf-8'
        ? 'the file is not valid UTF-8 text: save it as "CSV UTF-8", or give the encoding windows-1252'
        : `the file is not valid ${encoding} text`,
    )
  }
  if (text.includes('\u0000')) throw new CsvError('the file contains binary data (NUL bytes), not CSV text')
  return text
}
