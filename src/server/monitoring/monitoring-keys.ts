/**
 * The Ed25519 keys monitoring grants are signed with (docs/monitoring.md, "Keys").
 *
 * @remarks
 * - The keys live in the database, so every instance signs and verifies with the same ones. The
 *   first instance to need a key makes it; two instances racing at first start both insert, the
 *   unique index on the current key keeps one, and both read that one back.
 * - Each instance caches what it read for {@link KEY_CACHE_MS}, so another instance's rotation is
 *   picked up within that; a grant whose `kid` is not in the cache makes it read again at once.
 * - A rotation retires the current key and makes a new one. Retired keys stay published for
 *   {@link RETIRED_KEYS_PUBLISHED_FOR}, so grants in flight and desks' caches survive it.
 * - `ATIENDE_MONITOR_KEY_FILE` (a private JWK with `kid`): this instance signs with that key and
 *   publishes it beside the database's. Operators who want a key they hold give every instance
 *   the same file; tests use it to sign grants the server never issued (expired ones).
 */
import { readFile } from 'node:fs/promises'

import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose'

import { MONITOR_GRANT_ALG } from '@shared/monitoring/grant-verify'
import type { Db, Queryable } from '../db/db'

export const KEY_CACHE_MS = 30_000
export const RETIRED_KEYS_PUBLISHED_FOR = '1 hour'

export interface SigningKey {
  kid: string
  key: CryptoKey
}

interface KeyRow {
  kid: string
  public_jwk: JWK
  private_jwk: JWK
  retired_at: Date | null
}

/** A fresh Ed25519 key pair as JWKs, both carrying `kid`, `alg` and `use`. */
export async function newKeyPair(): Promise<{ kid: string; publicJwk: JWK; privateJwk: JWK }> {
  const pair = await generateKeyPair(MONITOR_GRANT_ALG, { crv: 'Ed25519', extractable: true })
  const kid = crypto.randomUUID()
  const meta = { kid, alg: MONITOR_GRANT_ALG, use: 'sig' }
  return {
    kid,
    publicJwk: { ...(await exportJWK(pair.publicKey)), ...meta },
    privateJwk: { ...(await exportJWK(pair.privateKey)), ...meta }
  }
}

/** Only the public members of an OKP key: what may be published. */
export function publicPart(jwk: JWK): JWK {
  const { kty, crv, x, kid, alg, use } = jwk
  return Object.fromEntries(
    Object.entries({ kty, crv, x, kid, alg: alg ?? MONITOR_GRANT_ALG, use: use ?? 'sig' }).filter(
      ([, v]) => v !== undefined
    )
  )
}

/** Reads and checks the key file: an Ed25519 private JWK with a `kid`. Throws with the reason. */
export async function readKeyFile(path: string): Promise<{ jwk: JWK; signing: SigningKey }> {
  let jwk: JWK
  try {
    jwk = JSON.parse(await readFile(path, 'utf8')) as JWK
  } catch (error) {
    throw new Error(`ATIENDE_MONITOR_KEY_FILE (${path}) is not a readable JSON file`, {
      cause: error
    })
  }
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string' || !jwk.kid) {
    throw new Error(
      `ATIENDE_MONITOR_KEY_FILE (${path}) must be an Ed25519 private JWK (kty OKP, crv Ed25519, d) with a kid`
    )
  }
  const key = await importJWK(jwk, MONITOR_GRANT_ALG)
  if (key instanceof Uint8Array) throw new Error('ATIENDE_MONITOR_KEY_FILE is not an Ed25519 key')
  return { jwk, signing: { kid: jwk.kid, key } }
}

interface Cached {
  at: number
  signing: SigningKey
  published: JWK[]
}

export interface MonitoringKeysOptions {
  /** A private JWK file to sign with (`ATIENDE_MONITOR_KEY_FILE`). */
  keyFile?: string
  now?: () => number
}

export class MonitoringKeys {
  private cached: Cached | null = null
  private loading: Promise<Cached> | null = null
  private file: Promise<{ jwk: JWK; signing: SigningKey }> | null = null
  private readonly now: () => number

  constructor(
    private readonly db: Db,
    options: MonitoringKeysOptions = {}
  ) {
    this.now = options.now ?? Date.now
    if (options.keyFile) {
      this.file = readKeyFile(options.keyFile)
      // Handled where it is awaited (check(), at start); not an unhandled rejection meanwhile.
      this.file.catch(() => undefined)
    }
  }

  /** Fails fast at start on a bad key file, rather than at the first grant. */
  async check(): Promise<void> {
    await this.file
  }

  /** The key this instance signs grants with. */
  async signingKey(): Promise<SigningKey> {
    return (await this.current()).signing
  }

  /** The public keys grants are checked with: the current one and those recently retired. */
  async published(): Promise<JWK[]> {
    return (await this.current()).published
  }

  /** Reads the keys again now (a grant named a `kid` the cache lacks). */
  async refresh(): Promise<JWK[]> {
    this.cached = null
    return this.published()
  }

  /** Retires the current key and makes a new one; answers the new `kid`. */
  async rotate(): Promise<string> {
    const pair = await newKeyPair()
    await this.db.transaction(async (tx) => {
      await tx.query('LOCK TABLE monitoring_keys IN EXCLUSIVE MODE')
      await tx.query('UPDATE monitoring_keys SET retired_at = now() WHERE retired_at IS NULL')
      await insertKey(tx, pair)
    })
    this.cached = null
    return pair.kid
  }

  private async current(): Promise<Cached> {
    const cached = this.cached
    if (cached && this.now() - cached.at < KEY_CACHE_MS) return cached
    // Concurrent requests share one read.
    this.loading ??= this.load().finally(() => {
      this.loading = null
    })
    return this.loading
  }

  private async load(): Promise<Cached> {
    let rows = await readKeys(this.db)
    if (!rows.some((r) => r.retired_at === null)) {
      // ON CONFLICT: another instance made the first key meanwhile; both use the one kept.
      await insertKey(this.db, await newKeyPair())
      rows = await readKeys(this.db)
    }
    const current = rows.find((r) => r.retired_at === null)
    if (!current) throw new Error('no current monitoring key after creating one')
    const file = await this.file
    let signing: SigningKey
    if (file) signing = file.signing
    else {
      const key = await importJWK(current.private_jwk, MONITOR_GRANT_ALG)
      if (key instanceof Uint8Array) throw new Error('the monitoring key is not an Ed25519 key')
      signing = { kid: current.kid, key }
    }
    const published = rows.map((r) => publicPart(r.public_jwk))
    if (file && !published.some((k) => k.kid === file.jwk.kid)) {
      published.unshift(publicPart(file.jwk))
    }
    const cached = { at: this.now(), signing, published }
    this.cached = cached
    return cached
  }
}

async function readKeys(db: Queryable): Promise<KeyRow[]> {
  return db.query<KeyRow>(
    `SELECT kid, public_jwk, private_jwk, retired_at FROM monitoring_keys
     WHERE retired_at IS NULL OR retired_at > now() - interval '${RETIRED_KEYS_PUBLISHED_FOR}'
     ORDER BY retired_at DESC NULLS FIRST, created_at DESC`
  )
}

async function insertKey(
  db: Queryable,
  pair: { kid: string; publicJwk: JWK; privateJwk: JWK }
): Promise<void> {
  await db.query(
    `INSERT INTO monitoring_keys (kid, public_jwk, private_jwk) VALUES ($1, $2::jsonb, $3::jsonb)
     ON CONFLICT DO NOTHING`,
    [pair.kid, JSON.stringify(pair.publicJwk), JSON.stringify(pair.privateJwk)]
  )
}
