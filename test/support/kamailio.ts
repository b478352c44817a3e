/**
 * Kamailio, the reference SIP proxy, as a child process for tests: the repo's config on free
 * loopback ports in a private run dir, ready once it answers a SIP OPTIONS ping over UDP.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createSocket } from 'node:dgram'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort } from './free-port'

const root = resolve(import.meta.dirname, '../..')
export const KAMAILIO_CONFIG = join(root, 'resources/kamailio/kamailio.cfg')
const BINARIES = ['/usr/sbin/kamailio', '/usr/local/sbin/kamailio', '/usr/bin/kamailio']

/** The Kamailio binary (`KAMAILIO_PATH` first), or undefined when it is not installed. */
export function kamailioPath(): string | undefined {
  return [process.env['KAMAILIO_PATH'], ...BINARIES].find((p) => p !== undefined && existsSync(p))
}

function findKamailio(): string {
  const path = kamailioPath()
  if (!path) {
    throw new Error(
      'kamailio not found: install it with scripts/install-system-deps.sh ' +
        '(Debian packages kamailio and kamailio-websocket-modules) or set KAMAILIO_PATH'
    )
  }
  return path
}

export function freeUdpPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const socket = createSocket('udp4')
    socket.once('error', reject)
    socket.bind(0, '127.0.0.1', () => {
      const port = socket.address().port
      socket.close(() => {
        resolvePort(port)
      })
    })
  })
}

/** Sends one OPTIONS over UDP and resolves with the status line, or null after `timeoutMs`. */
export function sipPing(port: number, timeoutMs = 500): Promise<string | null> {
  return new Promise((resolvePing) => {
    const socket = createSocket('udp4')
    const branch = `z9hG4bK${randomBytes(6).toString('hex')}`
    const message = [
      'OPTIONS sip:127.0.0.1 SIP/2.0',
      `Via: SIP/2.0/UDP 127.0.0.1;branch=${branch};rport`,
      'Max-Forwards: 5',
      `From: <sip:ping@127.0.0.1>;tag=${randomBytes(4).toString('hex')}`,
      'To: <sip:127.0.0.1>',
      `Call-ID: ${randomBytes(8).toString('hex')}@127.0.0.1`,
      'CSeq: 1 OPTIONS',
      'Content-Length: 0',
      '',
      ''
    ].join('\r\n')
    const timer = setTimeout(() => {
      socket.close()
      resolvePing(null)
    }, timeoutMs)
    socket.on('message', (msg) => {
      clearTimeout(timer)
      socket.close()
      resolvePing(msg.toString().split('\r\n')[0] ?? '')
    })
    socket.send(message, port, '127.0.0.1')
  })
}

export class KamailioProcess {
  #child: ChildProcess | null = null
  #log = ''

  private constructor(
    readonly wsPort: number,
    readonly sipPort: number,
    readonly runDir: string
  ) {}

  /** Picks free ports and a run dir; throws at once when the binary is missing. */
  static async create(): Promise<KamailioProcess> {
    findKamailio()
    const runDir = mkdtempSync(join(tmpdir(), 'atiende-kamailio-'))
    return new KamailioProcess(await freePort(), await freeUdpPort(), runDir)
  }

  /** The URL softphones register over. */
  get wsUrl(): string {
    return `ws://127.0.0.1:${this.wsPort}`
  }

  get log(): string {
    return this.#log
  }

  /** Starts Kamailio in the foreground and resolves once it answers OPTIONS. */
  async start(timeoutMs = 10_000): Promise<void> {
    const args = ['-DD', '-E', '-f', KAMAILIO_CONFIG, '-Y', this.runDir]
    args.push('-P', join(this.runDir, 'kamailio.pid'), '-m', '64', '-M', '8', '-w', this.runDir)
    for (const define of [
      `WS_PORT=${this.wsPort}`,
      `SIP_PORT=${this.sipPort}`,
      `CTL_SOCKET=${join(this.runDir, 'ctl')}`
    ]) {
      args.push('-A', define)
    }
    const child = spawn(findKamailio(), args, { stdio: ['ignore', 'pipe', 'pipe'] })
    this.#child = child
    const append = (chunk: Buffer) => {
      this.#log += chunk.toString()
    }
    child.stdout.on('data', append)
    child.stderr.on('data', append)
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`kamailio exited with ${child.exitCode}:\n${this.#log}`)
      }
      if (await sipPing(this.sipPort, 200)) return
    }
    await this.stop()
    throw new Error(`kamailio did not answer within ${timeoutMs} ms:\n${this.#log}`)
  }

  /** SIGTERM stops the whole process tree; the run dir is removed unless it will restart. */
  async stop(options: { keepRunDir?: boolean } = {}): Promise<void> {
    const child = this.#child
    this.#child = null
    if (child && child.exitCode === null) {
      await new Promise<void>((resolveStop) => {
        child.once('exit', () => {
          resolveStop()
        })
        child.kill('SIGTERM')
      })
    }
    if (!options.keepRunDir) rmSync(this.runDir, { recursive: true, force: true })
  }

  /** Stops and starts again on the same ports: every registration is lost (memory only). */
  async restart(): Promise<void> {
    await this.stop({ keepRunDir: true })
    await this.start()
  }
}
