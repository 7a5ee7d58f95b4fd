/**
 * An exclusive lock on a data directory: PGlite itself does not lock its files, and two processes on
 * one directory silently diverge (ARCHITECTURE §7). The lock file holds the owner's pid; a lock whose
 * process is gone (for example after `kill -9`) is stale and taken over.
 */
import fs from 'node:fs'
import path from 'node:path'

export interface LockInfo {
  pid: number
  startedAt: string
}

/** Result of trying to lock: either we own it (with a release function) or a live process does. */
export type LockResult = { acquired: true; release: () => void } | { acquired: false; holder: LockInfo }

/** Lock files this process holds: a second open in the same process must not take its own lock over. */
const heldHere = new Set<string>()

/** Tries to take the lock on `dir` without waiting. */
export function tryLockDataDir(dir: string): LockResult {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'klankbord.lock')
  if (heldHere.has(file))
    return { acquired: false, holder: readLock(file) ?? { pid: process.pid, startedAt: 'unknown' } }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600)
      const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() }
      fs.writeSync(fd, JSON.stringify(info))
      fs.closeSync(fd)
      heldHere.add(file)
      let released = false
      const release = () => {
        if (released) return
        released = true
        heldHere.delete(file)
        fs.rmSync(file, { force: true })
      }
      return { acquired: true, release }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = readLock(file)
      if (holder && isAlive(holder.pid)) return { acquired: false, holder }
      // Stale: the owner died. Rename first so that two processes cannot both remove and re-create it.
      try {
        fs.renameSync(file, `${file}.stale-${process.pid}`)
        fs.rmSync(`${file}.stale-${process.pid}`, { force: true })
      } catch {
        // Someone else took it over in between; try again.
      }
    }
  }
  const holder = readLock(file)
  return { acquired: false, holder: holder ?? { pid: -1, startedAt: 'unknown' } }
}

/** The current holder of the lock on `dir`, if a live process holds it. */
export function lockHolder(dir: string): LockInfo | null {
  const holder = readLock(path.join(dir, 'klankbord.lock'))
  return holder && isAlive(holder.pid) ? holder : null
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
