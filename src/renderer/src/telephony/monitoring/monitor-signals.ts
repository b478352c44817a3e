/**
 * The SIP pieces of a monitoring call, as pure functions both apps use: the INFO bodies (their
 * content type is ours alone), what the agent's app does with a mode the lead asks for, and the
 * `Reason` header a BYE carries the end reason in (docs/monitoring.md).
 */
import {
  MONITOR_GRANT_HEADER,
  MONITOR_INFO_CONTENT_TYPE,
  monitorEndReasons,
  monitorInfoSchema,
  type MonitorEndReason,
  type MonitorInfo,
  type MonitorMode
} from '@shared/monitoring/monitoring'

/** The protocol token of our `Reason` header values (RFC 3326 allows any token). */
export const MONITOR_REASON_PROTOCOL = 'X-Atiende'

/** The INFO body of `info`, ready for SIP.js's `info({ requestOptions: { body } })`. */
export function monitorInfoBody(info: MonitorInfo): {
  contentDisposition: string
  contentType: string
  content: string
} {
  return {
    contentDisposition: 'render',
    contentType: MONITOR_INFO_CONTENT_TYPE,
    content: JSON.stringify(info)
  }
}

/** A monitoring INFO's body, or null for any other content type or a body that does not parse. */
export function parseMonitorInfo(contentType: string, body: string): MonitorInfo | null {
  const type = contentType.split(';')[0]?.trim().toLowerCase()
  if (type !== MONITOR_INFO_CONTENT_TYPE) return null
  try {
    const parsed = monitorInfoSchema.safeParse(JSON.parse(body))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** What the agent's app answers to an INFO of the lead's. */
export type AgentInfoDecision =
  { answer: 200; mode: MonitorMode | null } | { answer: 403 | 415; reasonPhrase: string }

/**
 * The grant names the modes this lead may use: any other is refused (403) here, whatever the
 * lead's app sends; a body that is not ours is 415. A `call` INFO from the lead means nothing.
 */
export function decideAgentInfo(
  contentType: string,
  body: string,
  granted: readonly MonitorMode[]
): AgentInfoDecision {
  const info = parseMonitorInfo(contentType, body)
  if (!info) return { answer: 415, reasonPhrase: 'Unsupported Media Type' }
  if (info.type !== 'mode') return { answer: 200, mode: null }
  if (!granted.includes(info.mode)) {
    return { answer: 403, reasonPhrase: `Monitoring Refused (mode_not_permitted)` }
  }
  return { answer: 200, mode: info.mode }
}

/** The BYE's header for `reason`, e.g. `Reason: X-Atiende;text="call_ended"`. */
export function reasonHeader(reason: MonitorEndReason): string {
  return `Reason: ${MONITOR_REASON_PROTOCOL};text="${reason}"`
}

/** The end reason in a `Reason` header value of ours, or null (absent, foreign, unknown). */
export function endReasonFromHeader(value: string | undefined): MonitorEndReason | null {
  if (!value) return null
  for (const part of value.split(',')) {
    const [protocol, ...params] = part.split(';')
    if (protocol?.trim().toLowerCase() !== MONITOR_REASON_PROTOCOL.toLowerCase()) continue
    for (const param of params) {
      const match = /^\s*text\s*=\s*"?([a-z_]+)"?\s*$/i.exec(param)
      const text = match?.[1]
      const known = monitorEndReasons.find((r) => r === text)
      if (known) return known
    }
  }
  return null
}

/** The grant header line for an INVITE. */
export function grantHeader(token: string): string {
  return `${MONITOR_GRANT_HEADER}: ${token}`
}

/** The DTMF digits that switch a PBX session into `mode`, one tone each (none: no key). */
export function switchTones(key: string | null): string[] {
  return key?.match(/[0-9A-D*#]/g) ?? []
}
