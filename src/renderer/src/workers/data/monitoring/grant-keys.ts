/**
 * The server's public monitoring keys, as this session caches them: fetched when the session
 * opens (an agent's desk must check a grant the moment an INVITE arrives, without a round trip)
 * and again once when a grant names a key the cache lacks (the server rotated).
 */
import type { JSONWebKeySet } from 'jose'
import { z } from 'zod'

import type { ServerAccess } from '../session/session'
import { monitoringCall } from './server-calls'

/** A published key: an Ed25519 public JWK (anything else is not for grants and is dropped). */
const publishedKeySchema = z.looseObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().min(1).max(128),
  kid: z.string().min(1).max(128)
})
const keysReplySchema = z.object({ keys: z.array(z.unknown()).max(50) })

export class GrantKeys {
  private keys: JSONWebKeySet | null = null
  private loading: Promise<JSONWebKeySet | null> | null = null

  constructor(private readonly server: ServerAccess) {}

  /** The cached keys, fetched first if there are none; null when the server cannot be reached. */
  async current(): Promise<JSONWebKeySet | null> {
    return this.keys ?? this.fetch()
  }

  /** Fetches the keys again (a grant named an unknown key); null when the server is unreachable. */
  refetch(): Promise<JSONWebKeySet | null> {
    return this.fetch()
  }

  private fetch(): Promise<JSONWebKeySet | null> {
    // An admit and the session's prefetch share one request.
    this.loading ??= this.load().finally(() => {
      this.loading = null
    })
    return this.loading
  }

  private async load(): Promise<JSONWebKeySet | null> {
    const answer = await monitoringCall(this.server, {
      method: 'GET',
      path: '/api/monitoring/keys',
      status: 200,
      reply: keysReplySchema
    })
    // Unreachable: the cached keys stay for later grants, but this fetch found nothing new.
    if (answer.kind !== 'ok') return null
    const keys = answer.data.keys.flatMap((k) => {
      const parsed = publishedKeySchema.safeParse(k)
      return parsed.success ? [parsed.data] : []
    })
    this.keys = { keys }
    return this.keys
  }
}

const bySession = new WeakMap<object, GrantKeys>()

/** The key cache of one session (`owner`), made on first use. */
export function grantKeysOf(owner: object, server: () => ServerAccess): GrantKeys {
  let keys = bySession.get(owner)
  if (!keys) {
    keys = new GrantKeys(server())
    bySession.set(owner, keys)
  }
  return keys
}
