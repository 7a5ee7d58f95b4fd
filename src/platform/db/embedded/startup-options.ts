/**
 * The PostgreSQL settings the embedded PGlite database starts with, chosen for memory (decision 0020).
 *
 * PGlite keeps PostgreSQL's server defaults, sized for a machine with a dedicated database. Inside one
 * Klankbord process they cost RSS that never comes back: `shared_buffers` (128 MB by default) lives in
 * the WebAssembly memory, grows it past its 128 MB minimum to ~190 MB at start-up, and fills up as the
 * database is read. Pages that fall out of a smaller buffer pool are still in the operating system's
 * page cache (PGlite reads its files through Node's `fs`), so a small pool costs little speed.
 */
import { PGlite } from '@electric-sql/pglite'

/** `-c name=value` settings added to PGlite's own start parameters. */
export const EMBEDDED_SETTINGS: Readonly<Record<string, string>> = {
  // The buffer pool: the largest single item. 16 MB keeps the WebAssembly memory at its 128 MB minimum.
  shared_buffers: '16MB',
  // Session-local buffers for temporary tables; Klankbord makes none, PostgreSQL's default is 8 MB.
  temp_buffers: '1MB',
  // Index builds in migrations and VACUUM: tables are small when a migration runs; default 64 MB.
  maintenance_work_mem: '16MB',
}

/** PGlite's start parameters with the settings above appended (later `-c` values win). */
export function embeddedStartParams(
  settings: Readonly<Record<string, string>> = EMBEDDED_SETTINGS,
): string[] {
  return [...PGlite.defaultStartParams, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])]
}
