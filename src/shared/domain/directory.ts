/**
 * The directory of colleagues: every user of the centre with who they are and how to reach them
 * by phone (extension and SIP address). The server authors it from its users table and its SIP
 * domain and publishes one entry per user to every desk (centre-wide), read-only there, so a call
 * from or to a colleague is recognised offline too. It never carries a password, a password hash
 * or a SIP password: only what a colleague's screen may show.
 */
import { z } from 'zod'

import { lineText } from '../text/text-schemas'
import { roles } from './user'

/**
 * What an extension may look like: dialable characters only (digits, letters for named
 * extensions, `*`, `#`, `+`, `.`, `_`, `-`), as a SIP URI's user part carries it.
 */
export const EXTENSION_PATTERN = /^[0-9A-Za-z*#+._-]{1,32}$/

export const directoryEntrySchema = z.object({
  userId: z.uuid(),
  /** Shown as text only: anyone with a user may have set it. */
  displayName: lineText(),
  role: z.enum(roles),
  teamId: z.uuid().nullable(),
  teamName: lineText().nullable(),
  /** Null for a user without a phone: listed, never matched. */
  extension: z.string().regex(EXTENSION_PATTERN).nullable(),
  /** `sip:<extension>@<the server's SIP domain>`; null without an extension. */
  sipAddress: z
    .string()
    .regex(/^sip:[^@\s]+@[^@\s]+$/)
    .nullable()
})
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>

/** The SIP address of `extension` in `domain`, as the softphone registers it. */
export function sipAddressOf(extension: string, domain: string): string {
  return `sip:${extension}@${domain}`
}

/** The host of a SIP address (`sip:1001@atiende.local` → `atiende.local`), or null. */
export function hostOf(sipAddress: string): string | null {
  const at = sipAddress.lastIndexOf('@')
  return at < 0 ? null : normalHost(sipAddress.slice(at + 1))
}

/** A host as compared: lower case, without a port or URI parameters. */
function normalHost(host: string): string | null {
  const bare = host.split(/[;?>]/)[0]?.trim().toLowerCase() ?? ''
  const withoutPort = bare.startsWith('[') ? bare : (bare.split(':')[0] ?? '')
  return withoutPort === '' ? null : withoutPort
}

/** The remote party of a call as signalled: the URI's user part (or number dialled), its host. */
export interface RemoteParty {
  user: string
  /** Null when the call gave none (a number typed, a practice call). */
  host: string | null
}

/**
 * What a colleague would be found by: the extension-shaped user part and the host, or null when
 * the party cannot be a colleague (no extension shape). A user part that is itself a SIP URI
 * (`sip:1001@host`, as some gateways signal it) is read as one; URI parameters are dropped.
 */
export function colleagueKey(
  remote: RemoteParty
): { extension: string; host: string | null } | null {
  let user = remote.user.trim()
  let host = remote.host === null ? null : normalHost(remote.host)
  const uri = /^sips?:([^@]*)@(.+)$/i.exec(user)
  if (uri) {
    user = uri[1] ?? ''
    host = normalHost(uri[2] ?? '')
  }
  user = user.split(';')[0] ?? ''
  if (!EXTENSION_PATTERN.test(user)) return null
  return { extension: user, host }
}

/**
 * Whether `remote` is the colleague of `entry`: the user part equals their extension and, when
 * the call names a host, it is the directory's SIP domain. Never by display name, which anyone
 * calling can set.
 */
export function isColleague(entry: DirectoryEntry, remote: RemoteParty): boolean {
  const key = colleagueKey(remote)
  if (!key || entry.extension === null || key.extension !== entry.extension) return false
  if (key.host === null) return true
  return entry.sipAddress !== null && hostOf(entry.sipAddress) === key.host
}

/**
 * The colleague `remote` is among `candidates` (the entries with its extension), or null. Two
 * users sharing an extension is a mistake in the users table: neither is shown, rather than
 * perhaps the wrong person.
 */
export function matchColleague(
  candidates: readonly DirectoryEntry[],
  remote: RemoteParty
): DirectoryEntry | null {
  const matches = candidates.filter((entry) => isColleague(entry, remote))
  return matches.length === 1 ? (matches[0] ?? null) : null
}
