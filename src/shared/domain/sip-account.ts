/**
 * The SIP account a user's softphone registers with. The central server provisions it per user
 * (`GET /api/me/sip-account`); the user may override the servers locally in settings.
 */
import { z } from 'zod'

/** A WebSocket URL for SIP: `wss://` in production, `ws://` tolerated for loopback and labs. */
export const sipWsUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== ''
    } catch {
      return false
    }
  }, 'must be a ws:// or wss:// URL')

const iceUrlSchema = z
  .string()
  .trim()
  .regex(/^(stun|stuns|turn|turns):[^\s]+$/, 'must be a stun:, stuns:, turn: or turns: URL')

/** One ICE server, shaped like WebRTC's `RTCIceServer`. */
export const iceServerSchema = z.object({
  urls: z.union([iceUrlSchema, z.array(iceUrlSchema).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional()
})
export type IceServer = z.infer<typeof iceServerSchema>

export const sipAccountSchema = z.object({
  /** False when the server has no SIP proxy configured: only practice calls work. */
  configured: z.boolean(),
  /** The address of record, e.g. `sip:1001@atiende.local`. */
  uri: z.string(),
  displayName: z.string(),
  authUser: z.string(),
  password: z.string(),
  /** WebSocket servers in failover order. */
  wsServers: z.array(sipWsUrlSchema),
  /** None by default: a public STUN server is never used unless configured. */
  iceServers: z.array(iceServerSchema),
  /** Prepended to external numbers (e.g. `0` for an outside line); empty for none. */
  dialPrefix: z.string(),
  /** ISO 3166 country used to read national numbers. */
  defaultCountry: z.string().length(2)
})
export type SipAccount = z.infer<typeof sipAccountSchema>
