/** Runs the real `klankbord` command as a child process, for tests of start-up, locking and crashes. */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Config } from '../src/platform/config.ts'
import { TEST_DEFAULTS } from './database.ts'

const BIN = path.resolve(import.meta.dirname, '../bin/klankbord.js')

/** Environment that points a child process at a test database. */
export function envFor(config: Config, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...TEST_DEFAULTS, LOG_LEVEL: 'warn', PORT: '0', ...extra }
  if (config.DATABASE_URL) env.DATABASE_URL = config.DATABASE_URL
  else {
    env.DATA_DIR = config.dataDirAbsolute
    delete env.DATABASE_URL
  }
  return env
}

/** A running `klankbord serve`. */
export interface ServeProcess {
  child: ChildProcess
  url: string
  output: () => string
  /** SIGTERM and wait for exit. */
  stop(): Promise<number | null>
  /** SIGKILL (no clean-up at all) and wait for exit. */
  kill9(): Promise<void>
}

/** Starts `klankbord serve` and resolves once it prints its address. */
export function startServe(env: NodeJS.ProcessEnv, args: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout?.on('data', (d) => {
    out += d
  })
  child.stderr?.on('data', (d) => {
    out += d
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in time:\n${out}`)), 120_000)
    const check = () => {
      const m = /draait op http:\/\/localhost:(\d+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        child.stdout?.off('data', check)
        resolve({
          child,
          url: `http://127.0.0.1:${m[1]}`,
          output: () => out,
          async stop() {
            child.kill('SIGTERM')
            return exited
          },
          async kill9() {
            child.kill('SIGKILL')
            await exited
          },
        })
      }
    }
    child.stdout?.on('data', check)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${code} before it started:\n${out}`))
    })
  })
}

/** Runs a `klankbord` command to completion. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => {
      output += d
    })
    child.stderr.on('data', (d) => {
      output += d
    })
    child.on('exit', (code) => resolve({ code, output }))
  })
}

/** A temporary directory for files a CLI test writes; `file()` writes one and returns its path. */
export function tempFiles(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  return {
    dir,
    file(name: string, content: string | Uint8Array) {
      const p = path.join(dir, name)
      fs.writeFileSync(p, content)
      return p
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
