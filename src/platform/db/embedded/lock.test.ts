import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { loadConfig } from '../../config.ts'
import { DataDirLockedError, openDatabase } from '../connect.ts'
import { lockHolder, tryLockDataDir } from './lock.ts'

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kblock-'))
}

describe('the data directory lock', () => {
  it('is held once: a second try in the same process does not take it over', () => {
    const dir = tempDir()
    const first = tryLockDataDir(dir)
    assert.equal(first.acquired, true)
    const second = tryLockDataDir(dir)
    assert.equal(second.acquired, false)
    if (first.acquired) first.release()
    assert.equal(tryLockDataDir(dir).acquired, true)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('takes over a stale lock whose process is gone', () => {
    const dir = tempDir()
    // pid 2^22+1 is above Linux's default pid_max, so no process has it.
    fs.writeFileSync(path.join(dir, 'klankbord.lock'), JSON.stringify({ pid: 4_194_305, startedAt: 'then' }))
    assert.equal(lockHolder(dir), null)
    const r = tryLockDataDir(dir)
    assert.equal(r.acquired, true)
    if (r.acquired) r.release()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('makes a second owner fail clearly and lets a second client share the database through the socket', async () => {
    const dir = tempDir()
    const template = process.env.KB_TEST_TEMPLATE_DIR
    if (template) fs.cpSync(path.join(template, 'pgdata'), path.join(dir, 'pgdata'), { recursive: true })
    const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' })
    const owner = await openDatabase(config, { exclusive: true })
    try {
      await assert.rejects(openDatabase(config, { exclusive: true }), DataDirLockedError)
      const client = await openDatabase(config)
      try {
        assert.equal(client.owner, false)
        await owner.pool.query('CREATE TABLE lock_probe (v int)')
        await owner.pool.query('INSERT INTO lock_probe VALUES (42)')
        const r = await client.pool.query<{ v: number }>('SELECT v FROM lock_probe')
        assert.equal(r.rows[0]?.v, 42)
      } finally {
        await client.close()
      }
    } finally {
      await owner.close()
    }
    assert.equal(lockHolder(dir), null)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
