/**
 * The central server as a real child process (`tsx src/server/index.ts`), the way `npm run serve`
 * runs it, on a free loopback port and a private data folder, so tests can kill and restart it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort } from './free-port'
import { seedPgliteDataDir } from './pglite-data-dir'

const root = resolve(import.meta.dirname, '../..')
const READY = /Atiende server listening on (http:\/\/\S+)/

export class ServerProcess {
  readonly dataDir: string
  #child: ChildProcess | null = null
  #log = ''

  private constructor(
    readonly port: number,
    private readonly env: Readonly<Record<string, string>>,
    private readonly nodeArgs: readonly string[]
  ) {
    this.dataDir = mkdtempSync(join(tmpdir(), 'atiende-e2e-'))
    if (!env['DATABASE_URL']) seedPgliteDataDir(this.dataDir)
  }

  /**
   * A server on a free port; `env` adds or overrides environment variables (e.g. DATABASE_URL),
   * `nodeArgs` go to node itself (e.g. `--cpu-prof` in a benchmark).
   */
  static async create(
    env: Readonly<Record<string, string>> = {},
    nodeArgs: readonly string[] = []
  ): Promise<ServerProcess> {
    return new ServerProcess(await freePort(), env, nodeArgs)
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  get log(): string {
    return this.#log
  }

  /** The server's process id while it runs (a benchmark reads its CPU time). */
  get pid(): number | null {
    return this.#child?.pid ?? null
  }

  /** Starts the server and resolves once it prints its listening line. */
  start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(
      process.execPath,
      [...this.nodeArgs, '--import', 'tsx', 'src/server/index.ts'],
      {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(this.port),
          HOST: '127.0.0.1',
          ATIENDE_DATA_DIR: this.dataDir,
          LOG_LEVEL: 'warn',
          ...this.env
        },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    this.#child = child
    return new Promise((resolveStart, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`server did not start in ${timeoutMs} ms:\n${this.#log}`))
      }, timeoutMs)
      const onData = (chunk: Buffer) => {
        this.#log += chunk.toString()
        if (READY.test(this.#log)) {
          clearTimeout(timer)
          resolveStart()
        }
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', (chunk: Buffer) => {
        this.#log += chunk.toString()
      })
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`server exited with ${String(code)} before it was ready:\n${this.#log}`))
      })
    })
  }

  /** Stops the server: SIGTERM for a graceful stop, SIGKILL to simulate a crash. */
  stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<number | null> {
    const child = this.#child
    this.#child = null
    if (!child || child.exitCode !== null) return Promise.resolve(child?.exitCode ?? null)
    return new Promise((resolveStop) => {
      child.once('exit', (code) => {
        resolveStop(code)
      })
      child.kill(signal)
    })
  }
}
