/** Reads the server's configuration from the environment, with the documented defaults. */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  seedDemoData: boolean
  seedCustomers: number
  /** Extra agents in team Norte (`floor01`…) so a lead's floor can be seen full; 0: none. */
  seedFloorAgents: number
  staticDir: string
  cspConnectSrc: string[]
  trustProxy: boolean | string[]
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

function port(value: string | undefined): number {
  const n = Number(value ?? 8787)
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`PORT is not a port: ${value ?? ''}`)
  return n
}

function count(name: string, value: string | undefined, fallback: number): number {
  const n = Number(value ?? fallback)
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} is not a count: ${value ?? ''}`)
  return n
}

/**
 * `ATIENDE_TRUST_PROXY`: unset or `false` trusts no proxy; `true` trusts every hop; otherwise a
 * comma-separated list of the proxies' addresses or CIDRs (e.g. `127.0.0.1,10.0.0.0/8`).
 */
export function trustProxy(value: string | undefined): boolean | string[] {
  const text = (value ?? '').trim()
  if (text === '' || text === 'false' || text === '0') return false
  if (text === 'true') return true
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
}

/** The configuration for `env` (normally `process.env`). */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  return {
    port: port(env['PORT']),
    host: env['HOST'] ?? '127.0.0.1',
    dataDir: resolve(env['ATIENDE_DATA_DIR'] ?? '.data/server'),
    databaseUrl: env['DATABASE_URL'] || undefined,
    seedDemoData: env['ATIENDE_SEED'] !== '0',
    seedCustomers: count('ATIENDE_SEED_CUSTOMERS', env['ATIENDE_SEED_CUSTOMERS'], 5000),
    seedFloorAgents: count('ATIENDE_SEED_FLOOR_AGENTS', env['ATIENDE_SEED_FLOOR_AGENTS'], 0),
    staticDir: resolve(repoRoot, env['ATIENDE_STATIC_DIR'] ?? 'out/renderer'),
    cspConnectSrc: (env['ATIENDE_CSP_CONNECT_SRC'] ?? '').split(/\s+/).filter(Boolean),
    trustProxy: trustProxy(env['ATIENDE_TRUST_PROXY'])
  }
}
