/**
 * Bulk writers for the demo records, on one client inside the caller's transaction.
 *
 * - PostgreSQL: COPY … FROM STDIN (pg-copy-streams) per table per batch of ~20,000 records. While the
 *   server ingests one batch, the next one is generated: the generator hands over small slices and
 *   yields to the event loop between them, so the socket keeps draining the COPY in flight.
 * - Embedded PGlite: INSERT … SELECT FROM unnest($1::uuid[], …) per table per batch of 2,000 records.
 *   COPY FROM STDIN cannot be used there: the protocol server hands PGlite one call per protocol cycle
 *   (decision 0020), so the Query and the CopyData arrive in separate calls, and PGlite's backend only
 *   completes a COPY when the Query, every CopyData and the CopyDone arrive in one call; otherwise it fails with "protocol synchronization was lost" (see docs/demo-data.md).
 */
import { setImmediate as nextTick } from 'node:timers/promises'
import type pg from 'pg'
import copyStreams from 'pg-copy-streams'
import type { DemoRecord } from './generate.ts'
import {
  appendCopyLines,
  BULK_ORDER,
  BULK_TABLES,
  type BulkTable,
  type DemoIds,
  emitRows,
  type Value,
} from './rows.ts'

/** Rows written per table. */
export type RowCounts = Record<BulkTable, number>

/** How to write. */
export interface WriteOptions {
  method: 'copy' | 'unnest'
  /** Records per database round (COPY batch or INSERT statement set). */
  batchRecords?: number
  /** Called after each batch with the number of records the database has accepted so far. */
  onProgress?: (done: number) => void
}

/** Writes every record the slices yield; returns the row counts per table. */
export async function writeRecords(
  client: pg.PoolClient,
  slices: Iterable<DemoRecord[]>,
  ids: DemoIds,
  options: WriteOptions,
): Promise<RowCounts> {
  return options.method === 'copy'
    ? writeWithCopy(client, slices, ids, options)
    : writeWithUnnest(client, slices, ids, options)
}

function emptyCounts(): RowCounts {
  return { service_case: 0, response: 0, answer: 0, signal: 0 }
}

async function writeWithCopy(
  client: pg.PoolClient,
  slices: Iterable<DemoRecord[]>,
  ids: DemoIds,
  options: WriteOptions,
) {
  const batchRecords = options.batchRecords ?? 20_000
  const counts = emptyCounts()
  let lines = newLines()
  let inBatch = 0
  let done = 0
  // One batch may be in flight while the next is generated; its failure is awaited before the next.
  let inFlight: Promise<void> = Promise.resolve()
  const flush = async () => {
    for (const t of BULK_ORDER) counts[t] += lines[t].length
    const texts = BULK_ORDER.map((t) => [t, lines[t].join('')] as const)
    const records = inBatch
    lines = newLines()
    inBatch = 0
    await inFlight
    inFlight = (async () => {
      for (const [table, text] of texts) if (text.length > 0) await copyIn(client, table, text)
      done += records
      options.onProgress?.(done)
    })()
    inFlight.catch(() => undefined) // surfaced by the next `await inFlight`, not as an unhandled rejection
  }
  for (const slice of slices) {
    for (const record of slice) appendCopyLines(record, ids, lines)
    inBatch += slice.length
    if (inBatch >= batchRecords) await flush()
    // Let the socket write the COPY in flight while the next slice is generated.
    else await nextTick()
  }
  if (inBatch > 0) await flush()
  await inFlight
  return counts
}

function newLines(): Record<BulkTable, string[]> {
  return { service_case: [], response: [], answer: [], signal: [] }
}

function copyIn(client: pg.PoolClient, table: BulkTable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = client.query(
      copyStreams.from(`COPY ${table} (${BULK_TABLES[table].columns.join(', ')}) FROM STDIN`),
    )
    stream.on('error', reject)
    stream.on('finish', () => resolve())
    stream.end(text)
  })
}

async function writeWithUnnest(
  client: pg.PoolClient,
  slices: Iterable<DemoRecord[]>,
  ids: DemoIds,
  options: WriteOptions,
) {
  const batchRecords = options.batchRecords ?? 2_000
  const counts = emptyCounts()
  let columns = newColumns()
  let inBatch = 0
  let done = 0
  const emit = (table: BulkTable, values: Value[]) => {
    const target = columns[table]
    for (let i = 0; i < values.length; i++) (target[i] as Value[]).push(values[i] as Value)
    counts[table]++
  }
  const flush = async () => {
    for (const table of BULK_ORDER) {
      const cols = columns[table]
      if ((cols[0] as Value[]).length === 0) continue
      const spec = BULK_TABLES[table]
      const params = spec.types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')
      await client.query(
        `INSERT INTO ${table} (${spec.columns.join(', ')}) SELECT * FROM unnest(${params})`,
        cols,
      )
    }
    done += inBatch
    inBatch = 0
    columns = newColumns()
    options.onProgress?.(done)
  }
  for (const slice of slices) {
    for (const record of slice) emitRows(record, ids, emit)
    inBatch += slice.length
    if (inBatch >= batchRecords) await flush()
  }
  if (inBatch > 0) await flush()
  return counts
}

function newColumns(): Record<BulkTable, Value[][]> {
  const make = (t: BulkTable) => BULK_TABLES[t].columns.map(() => [] as Value[])
  return {
    service_case: make('service_case'),
    response: make('response'),
    answer: make('answer'),
    signal: make('signal'),
  }
}
