/**
 * The pre-call network check: can this machine reach the SIP server's WebSocket, and what does
 * ICE gather with the phone's ICE servers (no candidate, or no relay when TURN is configured,
 * means calls will connect but carry no audio).
 */
import {
  candidatesSuffice,
  iceServerKinds,
  type GatheredCandidate
} from '../../telephony/ice-gathering'

export type WebSocketCheck =
  { ok: true; server: string; ms: number } | { ok: false; server: string; reason: string }

export interface IceCheck {
  candidates: number
  /** Candidate types found, e.g. `host`, `srflx`, `relay`. */
  types: string[]
  ms: number
  /** True when what was gathered is enough for a call with these servers. */
  enough: boolean
  /** TURN is configured but no relay candidate came. */
  relayMissing: boolean
}

const TIMEOUT_MS = 5000

/** Opens a SIP WebSocket (subprotocol `sip`, RFC 7118) and closes it once it is open. */
export function checkWebSocket(server: string, timeoutMs = TIMEOUT_MS): Promise<WebSocketCheck> {
  const t0 = performance.now()
  return new Promise((resolve) => {
    let socket: WebSocket
    try {
      socket = new WebSocket(server, 'sip')
    } catch (error) {
      resolve({ ok: false, server, reason: error instanceof Error ? error.message : String(error) })
      return
    }
    const timer = setTimeout(() => {
      socket.close()
      resolve({ ok: false, server, reason: `timeout ${timeoutMs} ms` })
    }, timeoutMs)
    socket.onopen = () => {
      clearTimeout(timer)
      resolve({ ok: true, server, ms: Math.round(performance.now() - t0) })
      socket.close()
    }
    socket.onerror = () => {
      clearTimeout(timer)
      resolve({ ok: false, server, reason: 'connection refused or closed' })
    }
  })
}

/** Summarises gathered candidates against the configured servers. */
export function summariseIce(
  candidates: readonly GatheredCandidate[],
  servers: readonly RTCIceServer[],
  ms: number
): IceCheck {
  const kinds = iceServerKinds(servers)
  const types = [...new Set(candidates.map((c) => c.type ?? 'unknown'))].sort()
  return {
    candidates: candidates.length,
    types,
    ms: Math.round(ms),
    enough: candidatesSuffice(candidates, kinds),
    relayMissing: kinds.turn && !candidates.some((c) => c.type === 'relay')
  }
}

/** Gathers ICE candidates for an audio-only offer with `servers` until complete or timeout. */
export async function checkIce(
  servers: readonly RTCIceServer[],
  timeoutMs = TIMEOUT_MS
): Promise<IceCheck> {
  const pc = new RTCPeerConnection({ iceServers: [...servers] })
  const candidates: GatheredCandidate[] = []
  const t0 = performance.now()
  try {
    pc.addTransceiver('audio', { direction: 'sendrecv' })
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs)
      pc.onicecandidate = (event) => {
        if (event.candidate) {
          candidates.push({ type: event.candidate.type, protocol: event.candidate.protocol })
        } else {
          clearTimeout(timer)
          resolve()
        }
      }
    })
    await pc.setLocalDescription(await pc.createOffer())
    await done
    return summariseIce(candidates, servers, performance.now() - t0)
  } finally {
    pc.close()
  }
}
