/** Signs a role-play session (src/shared/practice/roleplay.ts) with the server's current key. */
import { SignJWT } from 'jose'

import { ROLEPLAY_ALG, ROLEPLAY_TOKEN_TYPE, type RoleplayClaims } from '@shared/practice/roleplay'
import { sipAddressOf } from '@shared/domain/directory'
import type { MonitoringKeys } from '../monitoring/monitoring-keys'

export async function signRoleplayToken(
  keys: MonitoringKeys,
  claims: RoleplayClaims
): Promise<string> {
  const signing = await keys.signingKey()
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: ROLEPLAY_ALG, kid: signing.kid, typ: ROLEPLAY_TOKEN_TYPE })
    .sign(signing.key)
}

/** Where to call someone: their extension at the SIP domain; null without one. */
export function sipUriOf(extension: string | null, domain: string): string | null {
  const trimmed = extension?.trim() ?? ''
  return trimmed === '' ? null : sipAddressOf(trimmed, domain)
}
