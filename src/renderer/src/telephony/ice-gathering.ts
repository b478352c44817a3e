/**
 * When an offer or answer has enough ICE candidates to be sent. SIP has no trickle ICE, so
 * SIP.js waits for `iceGatheringState === 'complete'`; Chromium reaches it ≈120 ms after the
 * last useful candidate (it finishes TCP and per-interface work first), which is most of the
 * dial → INVITE time. What the call needs is in much earlier:
 * - no ICE servers: the UDP host candidates, all gathered within a few milliseconds;
 * - STUN only: a server-reflexive candidate too;
 * - TURN: a relay candidate too (the only one that crosses every NAT and firewall).
 */

export interface GatheredCandidate {
  type: RTCIceCandidateType | null
  protocol: RTCIceProtocol | null
}

export interface IceServerKinds {
  stun: boolean
  turn: boolean
}

/**
 * After the last candidate, how long to wait for more before sending: host candidates of every
 * interface arrive within ≈1 ms of each other here.
 */
export const ICE_QUIET_MS = 10

/** Which kinds of ICE server the configuration lists (a `turn:` URL also answers STUN). */
export function iceServerKinds(servers: readonly RTCIceServer[]): IceServerKinds {
  const urls = servers.flatMap((s) => (typeof s.urls === 'string' ? [s.urls] : s.urls))
  const turn = urls.some((u) => /^turns?:/i.test(u))
  const stun = urls.some((u) => /^stun:/i.test(u))
  return { stun, turn }
}

/** True when the candidates gathered so far are enough to send the description. */
export function candidatesSuffice(
  candidates: readonly GatheredCandidate[],
  servers: IceServerKinds
): boolean {
  const udp = candidates.filter((c) => c.protocol === 'udp')
  if (udp.length === 0) return false
  if (servers.turn) return udp.some((c) => c.type === 'relay')
  if (servers.stun) return udp.some((c) => c.type === 'srflx')
  return true
}
