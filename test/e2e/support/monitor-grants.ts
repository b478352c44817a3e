/**
 * Monitoring grants made by the test itself: the server's signing key for the e2e run (a private
 * Ed25519 JWK with its kid, in the file `ATIENDE_MONITOR_KEY_FILE` names), and grants signed with
 * it or with a key of the test's own (a forgery), with the claims a real grant has.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose'

import {
  MONITOR_GRANT_ISSUER,
  MONITOR_GRANT_TYPE,
  type MonitorMode
} from '@shared/monitoring/monitoring'
import { MONITOR_GRANT_ALG } from '@shared/monitoring/grant-verify'

export const E2E_MONITOR_KID = 'e2e-monitor-1'

async function newPrivateJwk(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(MONITOR_GRANT_ALG, {
    crv: 'Ed25519',
    extractable: true
  })
  return { ...(await exportJWK(privateKey)), kid, alg: MONITOR_GRANT_ALG, use: 'sig' }
}

/** Writes a fresh signing key for the run's servers in `dir` and returns the file's path. */
export async function writeMonitorKeyFile(dir: string): Promise<string> {
  const path = join(dir, 'monitor-key.jwk.json')
  writeFileSync(path, JSON.stringify(await newPrivateJwk(E2E_MONITOR_KID)), { mode: 0o600 })
  return path
}

/** The servers' private key, as global setup wrote it. */
export function serverMonitorKey(): JWK {
  const path = process.env['ATIENDE_MONITOR_KEY_FILE']
  if (!path) throw new Error('ATIENDE_MONITOR_KEY_FILE is not set: global setup writes it')
  return JSON.parse(readFileSync(path, 'utf8')) as JWK
}

export interface GrantFor {
  agentId: string
  leadId: string
  leadName: string
  callId: string
  mode?: MonitorMode
  /** Seconds from now; negative for a grant issued in the past. */
  issuedIn?: number
  /** Lifetime in seconds from `iat`. */
  ttl?: number
}

/** A compact JWS with a real grant's header and claims, signed with `key`. */
export async function signGrant(key: JWK, grant: GrantFor): Promise<string> {
  const iat = Math.floor(Date.now() / 1000) + (grant.issuedIn ?? 0)
  const mode = grant.mode ?? 'listen'
  return new SignJWT({
    lead: grant.leadId,
    leadName: grant.leadName,
    call: grant.callId,
    mode,
    modes: ['listen', 'whisper', 'barge']
  })
    .setProtectedHeader({ alg: MONITOR_GRANT_ALG, typ: MONITOR_GRANT_TYPE, kid: key.kid ?? '' })
    .setIssuer(MONITOR_GRANT_ISSUER)
    .setJti(randomUUID())
    .setSubject(grant.agentId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (grant.ttl ?? 30))
    .sign(await importJWK(key, MONITOR_GRANT_ALG))
}

/** A grant signed with a key the server never had, under the server's own kid. */
export async function forgedGrant(grant: GrantFor): Promise<string> {
  return signGrant(await newPrivateJwk(E2E_MONITOR_KID), grant)
}

/** A grant the server's key signed, expired a minute ago (well past the clock skew). */
export function expiredGrant(grant: GrantFor): Promise<string> {
  return signGrant(serverMonitorKey(), { ...grant, issuedIn: -90, ttl: 30 })
}
