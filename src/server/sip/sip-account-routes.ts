/**
 * `GET /api/me/sip-account`: the caller's softphone account, provisioned from the server's
 * configuration (the proxy's WebSocket URLs, the SIP domain) and the user's extension.
 */
import { z } from 'zod'

import {
  iceServerSchema,
  sipAccountSchema,
  sipWsUrlSchema,
  type IceServer,
  type SipAccount
} from '@shared/domain/sip-account'
import { claimsOf, requireAuth } from '../http/auth-hooks'
import { HttpAppError } from '../http/app-error'
import type { RouteContext, ZodApp } from '../http/route-context'

export interface SipServerConfig {
  /** WebSocket URLs of the SIP proxy, in failover order; empty when there is none. */
  wsServers: string[]
  domain: string
  iceServers: IceServer[]
  dialPrefix: string
  defaultCountry: string
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
}

/**
 * Reads `ATIENDE_SIP_WS` (comma-separated ws/wss URLs), `ATIENDE_SIP_DOMAIN` (default
 * `atiende.local`), `ATIENDE_SIP_ICE` (comma-separated stun:/turn: URLs, none by default),
 * `ATIENDE_SIP_DIAL_PREFIX` and `ATIENDE_DEFAULT_COUNTRY` (default `ES`). Throws on a bad URL.
 */
export function readSipConfig(env: NodeJS.ProcessEnv): SipServerConfig {
  return {
    wsServers: z.array(sipWsUrlSchema).parse(list(env['ATIENDE_SIP_WS'])),
    domain: env['ATIENDE_SIP_DOMAIN'] || 'atiende.local',
    iceServers: z
      .array(iceServerSchema)
      .parse(list(env['ATIENDE_SIP_ICE']).map((urls) => ({ urls }))),
    dialPrefix: env['ATIENDE_SIP_DIAL_PREFIX'] ?? '',
    defaultCountry: (env['ATIENDE_DEFAULT_COUNTRY'] || 'ES').toUpperCase()
  }
}

export const noSipServer: SipServerConfig = {
  wsServers: [],
  domain: 'atiende.local',
  iceServers: [],
  dialPrefix: '',
  defaultCountry: 'ES'
}

interface SipRow {
  display_name: string
  sip_extension: string | null
  sip_password: string | null
}

export function registerSipAccountRoutes(
  app: ZodApp,
  ctx: RouteContext,
  sip: SipServerConfig
): void {
  app.get(
    '/api/me/sip-account',
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['auth'],
        security: [{ bearer: [] }],
        response: { 200: sipAccountSchema }
      }
    },
    async (request): Promise<SipAccount> => {
      const { userId } = claimsOf(request)
      const rows = await ctx.db.query<SipRow>(
        'SELECT display_name, sip_extension, sip_password FROM users WHERE id = $1',
        [userId]
      )
      const row = rows[0]
      if (!row) throw new HttpAppError('unauthenticated', 'The user no longer exists')
      const extension = row.sip_extension ?? ''
      return {
        configured: sip.wsServers.length > 0 && extension !== '',
        uri: extension ? `sip:${extension}@${sip.domain}` : '',
        displayName: row.display_name,
        authUser: extension,
        password: row.sip_password ?? '',
        wsServers: sip.wsServers,
        iceServers: sip.iceServers,
        dialPrefix: sip.dialPrefix,
        defaultCountry: sip.defaultCountry
      }
    }
  )
}
