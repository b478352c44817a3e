/**
 * Local overrides of the provisioned SIP servers, kept as a UI preference in localStorage. The
 * password is never stored here: it comes from the central server and stays in memory.
 */
import { z } from 'zod'

import {
  iceServerSchema,
  sipWsUrlSchema,
  type IceServer,
  type SipAccount
} from '../../../../shared/domain/sip-account'

const STORAGE_KEY = 'atiende.sip-overrides'

export const sipOverridesSchema = z.object({
  /** Replaces the provisioned list when non-empty. */
  wsServers: z.array(sipWsUrlSchema),
  /** Replaces the provisioned list when `useCustomIce` is set (an empty list is valid). */
  iceServers: z.array(iceServerSchema),
  useCustomIce: z.boolean()
})
export type SipOverrides = z.infer<typeof sipOverridesSchema>

export const noOverrides: SipOverrides = { wsServers: [], iceServers: [], useCustomIce: false }

export function loadOverrides(storage: Storage = localStorage): SipOverrides {
  try {
    const parsed = sipOverridesSchema.safeParse(JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null'))
    return parsed.success ? parsed.data : noOverrides
  } catch {
    return noOverrides
  }
}

export function saveOverrides(overrides: SipOverrides, storage: Storage = localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(sipOverridesSchema.parse(overrides)))
}

/** The account the phone uses: the provisioned one with the local overrides on top. */
export function applyOverrides(account: SipAccount, overrides: SipOverrides): SipAccount {
  return {
    ...account,
    wsServers: overrides.wsServers.length > 0 ? overrides.wsServers : account.wsServers,
    iceServers: overrides.useCustomIce ? overrides.iceServers : account.iceServers
  }
}

/** Field errors for the settings form, by field, as i18n keys with the offending line. */
export interface OverrideErrors {
  wsServers?: { key: string; line: string }
  iceServers?: { key: string; line: string }
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
}

/**
 * Parses the form: one WebSocket URL per line; one ICE server per line as
 * `url [username credential]`.
 */
export function parseOverrideForm(form: {
  wsServers: string
  iceServers: string
  useCustomIce: boolean
}): { ok: true; overrides: SipOverrides } | { ok: false; errors: OverrideErrors } {
  const errors: OverrideErrors = {}
  const wsServers: string[] = []
  for (const line of lines(form.wsServers)) {
    const parsed = sipWsUrlSchema.safeParse(line)
    if (parsed.success) wsServers.push(parsed.data)
    else errors.wsServers ??= { key: 'settings.errors.wsUrl', line }
  }
  const iceServers: IceServer[] = []
  for (const line of lines(form.iceServers)) {
    const [urls, username, credential, ...rest] = line.split(/\s+/)
    const candidate = {
      urls,
      ...(username ? { username } : {}),
      ...(credential ? { credential } : {})
    }
    const parsed = iceServerSchema.safeParse(candidate)
    if (parsed.success && rest.length === 0) iceServers.push(parsed.data)
    else errors.iceServers ??= { key: 'settings.errors.iceUrl', line }
  }
  if (errors.wsServers || errors.iceServers) return { ok: false, errors }
  return { ok: true, overrides: { wsServers, iceServers, useCustomIce: form.useCustomIce } }
}
