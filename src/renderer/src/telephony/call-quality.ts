/**
 * Live call quality from WebRTC statistics: jitter, packet loss, round-trip time, and a MOS
 * estimate from a simplified ITU-T G.107 E-model.
 *
 * The E-model rates a call with R = R0 − Is − Id − Ie,eff + A. Here R0 − Is = 93.2 (the G.107
 * defaults), A = 0 (a wired desk), Id from the one-way delay (Cole & Rosenbluth's fit of G.107),
 * and Ie,eff from packet loss with G.711+PLC's figures (Ie = 0, Bpl = 25.1; G.113 gives none for
 * Opus, whose loss concealment is at least as good, so the estimate errs low). MOS follows from
 * R with G.107's conversion; 4.4 is the best a narrowband call can score.
 */

/** What one getStats() reading tells about the received audio and the path. */
export interface QualitySnapshot {
  packetsReceived: number
  packetsLost: number
  /** Inter-arrival jitter of the received audio, seconds (RFC 3550). */
  jitterS: number
  /** Round-trip time, seconds; null until RTCP or ICE measured one. */
  rttS: number | null
}

export type QualityLevel = 'good' | 'fair' | 'poor'

export interface CallQuality {
  jitterMs: number
  /** Packets lost in the last interval, percent of those expected. */
  lossPercent: number
  rttMs: number | null
  mos: number
  level: QualityLevel
}

const R0_MINUS_IS = 93.2
/** Opus/G.711 frame (20 ms) plus the encoder's look-ahead and the playout buffer's base. */
const CODEC_DELAY_MS = 30
/** A jitter buffer holds about twice the measured jitter. */
const JITTER_BUFFER_FACTOR = 2
const BPL = 25.1

/** G.107's delay impairment for a one-way mouth-to-ear delay `d` in ms. */
export function delayImpairment(d: number): number {
  return 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0)
}

/** G.107's effective equipment impairment for random packet loss `ppl` (percent). */
export function lossImpairment(ppl: number, ie = 0, bpl = BPL): number {
  return ie + ((95 - ie) * ppl) / (ppl + bpl)
}

/** G.107's R → MOS conversion. */
export function mosFromR(r: number): number {
  if (r <= 0) return 1
  if (r >= 100) return 4.5
  return 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6
}

/** The E-model estimate for a call with this jitter, loss and round-trip time. */
export function estimateMos(input: {
  jitterMs: number
  lossPercent: number
  rttMs: number | null
}): number {
  const oneWay = (input.rttMs ?? 0) / 2 + JITTER_BUFFER_FACTOR * input.jitterMs + CODEC_DELAY_MS
  const r = R0_MINUS_IS - delayImpairment(oneWay) - lossImpairment(input.lossPercent)
  return Math.round(mosFromR(r) * 10) / 10
}

/** ≥ 4.0 is what users call good, 3.6–4.0 acceptable, below 3.6 many complain (G.107 Annex B). */
export function qualityLevel(mos: number): QualityLevel {
  if (mos >= 4) return 'good'
  if (mos >= 3.6) return 'fair'
  return 'poor'
}

/** Quality over the interval between two readings (loss counts only what happened in it). */
export function callQuality(previous: QualitySnapshot | null, current: QualitySnapshot) {
  const received = current.packetsReceived - (previous?.packetsReceived ?? 0)
  const lost = Math.max(0, current.packetsLost - (previous?.packetsLost ?? 0))
  const expected = received + lost
  const lossPercent = expected > 0 ? (100 * lost) / expected : 0
  const jitterMs = current.jitterS * 1000
  const rttMs = current.rttS === null ? null : current.rttS * 1000
  const mos = estimateMos({ jitterMs, lossPercent, rttMs })
  const quality: CallQuality = {
    jitterMs: Math.round(jitterMs),
    lossPercent: Math.round(lossPercent * 10) / 10,
    rttMs: rttMs === null ? null : Math.round(rttMs),
    mos,
    level: qualityLevel(mos)
  }
  return quality
}

function numberField(stat: object, name: string): number | null {
  const value: unknown = Reflect.get(stat, name)
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function stringField(stat: object, name: string): string | null {
  const value: unknown = Reflect.get(stat, name)
  return typeof value === 'string' ? value : null
}

/**
 * Reads a getStats() report: received audio from `inbound-rtp`; round-trip time from the far
 * end's RTCP (`remote-inbound-rtp`), or else from the ICE pair in use.
 */
export function snapshotOf(stats: Iterable<object>): QualitySnapshot | null {
  let inbound: QualitySnapshot | null = null
  let rtcpRtt: number | null = null
  let iceRtt: number | null = null
  for (const stat of stats) {
    const type = stringField(stat, 'type')
    if (type === 'inbound-rtp' && stringField(stat, 'kind') === 'audio') {
      inbound = {
        packetsReceived: numberField(stat, 'packetsReceived') ?? 0,
        packetsLost: numberField(stat, 'packetsLost') ?? 0,
        jitterS: numberField(stat, 'jitter') ?? 0,
        rttS: null
      }
    } else if (type === 'remote-inbound-rtp' && stringField(stat, 'kind') === 'audio') {
      rtcpRtt = numberField(stat, 'roundTripTime') ?? rtcpRtt
    } else if (type === 'candidate-pair' && Reflect.get(stat, 'nominated') === true) {
      iceRtt = numberField(stat, 'currentRoundTripTime') ?? iceRtt
    }
  }
  return inbound ? { ...inbound, rttS: rtcpRtt ?? iceRtt } : null
}

/** Reads the peer connection's statistics now; null before audio is being received. */
export async function readQualitySnapshot(pc: RTCPeerConnection): Promise<QualitySnapshot | null> {
  const report = await pc.getStats()
  return snapshotOf(report.values())
}
