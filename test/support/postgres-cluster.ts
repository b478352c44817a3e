/**
 * A private PostgreSQL 15 cluster in a temp dir on a free loopback port, for tests and
 * benchmarks. As root it runs the server as `postgres`, since initdb refuses root.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chown, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './free-port'

export interface ClusterOptions {
  /** Durable commits (fsync on) for honest benchmark figures; tests run faster without. */
  durable?: boolean
}

const BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/local/bin', '/usr/bin']

function findBinary(name: string): string {
  for (const dir of BIN_DIRS) {
    const path = join(dir, name)
    if (existsSync(path)) return path
  }
  throw new Error(
    `PostgreSQL binary "${name}" not found in ${BIN_DIRS.join(', ')}. Install PostgreSQL 15 ` +
      '(apt-get install postgresql) or set TEST_DATABASE_URL to an existing server.'
  )
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim())
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim())
  return { uid, gid }
}

/** Runs a PostgreSQL tool, as `postgres` when we are root. */
function runAsPostgres(binary: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0
  const [command, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', binary, ...args]]
    : [binary, args]
  execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
}

export async function startCluster(
  options: ClusterOptions = {}
): Promise<{ url: string; stop: () => Promise<void> }> {
  const initdb = findBinary('initdb')
  const pgCtl = findBinary('pg_ctl')
  const dir = await mkdtemp(join(tmpdir(), 'atiende-pg-'))
  if (process.getuid?.() === 0) {
    const { uid, gid } = userIds('postgres')
    await chown(dir, uid, gid)
  }
  const data = join(dir, 'data')
  runAsPostgres(initdb, ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8'])
  const port = await freePort()
  const durability = options.durable
    ? ''
    : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${durability}`
  runAsPostgres(pgCtl, [
    'start',
    '-D',
    data,
    '-w',
    '-t',
    '60',
    '-l',
    join(dir, 'log'),
    '-o',
    settings
  ])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      runAsPostgres(pgCtl, ['stop', '-D', data, '-m', 'fast', '-w'])
      await rm(dir, { recursive: true, force: true })
    }
  }
}
