/**
 * Local overrides of the provisioned SIP account (for sites whose PBX the central server does not
 * provision), kept as a per-workstation preference in localStorage. The password is never stored
 * here: see sip-password.ts (memory, or the OS keychain when the agent asks).
 */
import { z } from 'zod'

import {
  iceServerSchema,
  sipWsUrlSchema,
  type IceServer,
  type SipAccount
} from '@shared/domain/sip-account'

const STORAGE_KEY = 'atiende.sip-overrides'

/** Each field replaces the provisioned one when set; absent fields keep what was provisioned. */
export const accountOverridesSchema = z.object({
  uri: z
    .string()
    .regex(/^sips?:[^@\s<>"]{1,64}@[a-z0-9.-]{1,253}(:\d{1,5})?$/i)
    .optional(),
  displayName: z.string().trim().min(1).max(64).optional(),
  authUser: z
    .string()
    .regex(/^[^\s@<>"]{1,64}$/)
    .optional(),
  dialPrefix: z
    .string()
    .regex(/^[0-9*#]{0,4}$/)
    .optional()
})
export type AccountOverrides = z.infer<typeof accountOverridesSchema>

export const sipOverridesSchema = z.object({
  /** Replaces the provisioned list when non-empty. */
  wsServers: z.array(sipWsUrlSchema),
  /** Replaces the provisioned list when `useCustomIce` is set (an empty list is valid). */
  iceServers: z.array(iceServerSchema),
  useCustomIce: z.boolean(),
  // Settings saved before these existed read as "nothing overridden".
  account: accountOverridesSchema.default({}),
  /** Keep the SIP password in the OS keychain (desktop) or this browser's storage. */
  rememberPassword: z.boolean().default(false)
})
export type SipOverrides = z.infer<typeof sipOverridesSchema>

export const noOverrides: SipOverrides = {
  wsServers: [],
  iceServers: [],
  useCustomIce: false,
  account: {},
  rememberPassword: false
}

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

/**
 * The account the phone uses: the provisioned one with the local overrides on top, and the
 * locally entered password when there is one.
 */
export function applyOverrides(
  account: SipAccount,
  overrides: SipOverrides,
  password: string | null = null
): SipAccount {
  const { uri, displayName, authUser, dialPrefix } = overrides.account
  return {
    ...account,
    wsServers: overrides.wsServers.length > 0 ? overrides.wsServers : account.wsServers,
    iceServers: overrides.useCustomIce ? overrides.iceServers : account.iceServers,
    uri: uri ?? account.uri,
    displayName: displayName ?? account.displayName,
    authUser: authUser ?? account.authUser,
    password: password ?? account.password,
    dialPrefix: dialPrefix ?? account.dialPrefix
  }
}

/** Field errors for the settings form, by field, as i18n keys with the offending line. */
export interface OverrideErrors {
  wsServers?: { key: string; line: string }
  iceServers?: { key: string; line: string }
  /** Account fields that are set but invalid, by field name. */
  account?: Partial<Record<keyof AccountOverrides, string>>
}

const accountFields = ['uri', 'displayName', 'authUser', 'dialPrefix'] as const
export type AccountForm = Record<(typeof accountFields)[number], string>

/** Empty fields keep the provisioned value; each set field is checked on its own. */
function parseAccount(form: AccountForm): {
  account: AccountOverrides
  errors: NonNullable<OverrideErrors['account']>
} {
  const account: AccountOverrides = {}
  const errors: NonNullable<OverrideErrors['account']> = {}
  for (const field of accountFields) {
    const value = form[field].trim()
    if (value === '') continue
    const parsed = accountOverridesSchema.shape[field].safeParse(value)
    if (parsed.success && parsed.data !== undefined) account[field] = parsed.data
    else errors[field] = `settings.errors.${field}`
  }
  return { account, errors }
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
  account?: AccountForm
  rememberPassword?: boolean
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
  const account = form.account ? parseAccount(form.account) : { account: {}, errors: {} }
  if (Object.keys(account.errors).length > 0) errors.account = account.errors
  if (errors.wsServers || errors.iceServers || errors.account) return { ok: false, errors }
  return {
    ok: true,
    overrides: {
      wsServers,
      iceServers,
      useCustomIce: form.useCustomIce,
      account: account.account,
      rememberPassword: form.rememberPassword ?? false
    }
  }
}
