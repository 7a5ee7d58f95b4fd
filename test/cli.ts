/**
 * The set-up every test of a `klankbord` command shares: a test database with one organisation and
 * its staff, a folder for input files, and the command run as a child process against that database
 * (on the embedded database it connects through the data directory's socket). The node:test hooks are
 * registered by `cliTestbed`; read the fields inside tests, after `before` ran.
 */
import { after, before } from 'node:test'
import { createTestDatabase, type TestDatabase } from './database.ts'
import { createOrganisationWithStaff } from './factories.ts'
import { envFor, runCli, tempFiles } from './process.ts'

/** What a CLI test works with. */
export interface CliTestbed {
  t: TestDatabase
  org: Awaited<ReturnType<typeof createOrganisationWithStaff>>
  /** The folder of the input files. */
  dir: string
  /** Runs `klankbord …args` to completion. */
  klankbord(args: string[]): Promise<{ code: number | null; output: string }>
  /** Writes an input file in `dir` and returns its path. */
  file(name: string, content: string | Uint8Array): string
}

/** Registers before/after hooks that build and remove the testbed; `setup` runs once it exists. */
export function cliTestbed(prefix: string, setup?: (bed: CliTestbed) => Promise<void>): CliTestbed {
  let files: ReturnType<typeof tempFiles>
  const bed = {
    klankbord: (args: string[]) => runCli(args, envFor(bed.t.config)),
    file: (name: string, content: string | Uint8Array) => files.file(name, content),
  } as CliTestbed
  before(async () => {
    bed.t = await createTestDatabase()
    bed.org = await createOrganisationWithStaff(bed.t.services)
    files = tempFiles(prefix)
    bed.dir = files.dir
    await setup?.(bed)
  })
  after(async () => {
    await bed.t?.dispose()
    files?.remove()
  })
  return bed
}
