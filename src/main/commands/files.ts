/** Input files of CLI commands: one error type and one check that a path is a readable file. */
import fs from 'node:fs'
import { AppError } from '../../platform/errors.ts'

/** A file that cannot be used at all; cli.ts prints the message and exits with 2. */
export class FileError extends AppError {
  constructor(detail: string) {
    super(400, 'file', 'Unusable file', detail)
  }
}

/** Throws FileError unless `file` is an existing regular file (at most `maxBytes` when given). */
export function assertReadableFile(file: string, maxBytes?: number): fs.Stats {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch (error) {
    throw new FileError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`)
  }
  if (!stat.isFile()) throw new FileError(`${file} is not a file.`)
  if (maxBytes !== undefined && stat.size > maxBytes)
    throw new FileError(`${file} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`)
  return stat
}
