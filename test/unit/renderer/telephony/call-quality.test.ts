/** The call quality estimate: G.107 pieces, interval loss, and reading getStats() output. */
import { describe, expect, it } from 'vitest'

import {
  callQuality,
  delayImpairment,
  estimateMos,
  lossImpairment,
  mosFromR,
  qualityLevel,
  snapshotOf
} from '@renderer/telephony/call-quality'

describe('E-model pieces (ITU-T G.107)', () => {
  it('converts R to MOS with the standard curve and its bounds', () => {
    expect(mosFromR(-5)).toBe(1)
    expect(mosFromR(0)).toBe(1)
    expect(mosFromR(93.2)).toBeCloseTo(4.41, 2)
    expect(mosFromR(50)).toBeCloseTo(2.58, 2)
    expect(mosFromR(120)).toBe(4.5)
  })

  it('penalises delay gently up to 177.3 ms and steeply after', () => {
    expect(delayImpairment(100)).toBeCloseTo(2.4, 5)
    expect(delayImpairment(177.3)).toBeCloseTo(4.255, 3)
    expect(delayImpairment(300)).toBeCloseTo(7.2 + 0.11 * 122.7, 5)
  })

  it('penalises random loss with G.711+PLC robustness', () => {
    expect(lossImpairment(0)).toBe(0)
    expect(lossImpairment(5)).toBeCloseTo((95 * 5) / 30.1, 5)
    expect(lossImpairment(100)).toBeLessThan(95)
  })
})

describe('MOS estimate', () => {
  it('rates a clean LAN call near the narrowband ceiling', () => {
    expect(estimateMos({ jitterMs: 1, lossPercent: 0, rttMs: 2 })).toBe(4.4)
    expect(qualityLevel(4.4)).toBe('good')
  })

  it('drops with loss, delay and jitter, in that order of harm here', () => {
    const lossy = estimateMos({ jitterMs: 5, lossPercent: 5, rttMs: 40 })
    const slow = estimateMos({ jitterMs: 5, lossPercent: 0, rttMs: 500 })
    const clean = estimateMos({ jitterMs: 5, lossPercent: 0, rttMs: 40 })
    expect(lossy).toBeLessThan(clean)
    expect(slow).toBeLessThan(clean)
    expect(qualityLevel(lossy)).toBe('fair')
    expect(qualityLevel(estimateMos({ jitterMs: 40, lossPercent: 15, rttMs: 600 }))).toBe('poor')
  })

  it('without an RTT yet, estimates from jitter and loss alone', () => {
    expect(estimateMos({ jitterMs: 0, lossPercent: 0, rttMs: null })).toBe(4.4)
  })
})

describe('quality over an interval', () => {
  it('counts the loss between two readings, not since the call began', () => {
    const before = { packetsReceived: 1000, packetsLost: 100, jitterS: 0.004, rttS: 0.02 }
    const after = { packetsReceived: 1100, packetsLost: 100, jitterS: 0.004, rttS: 0.02 }
    expect(callQuality(before, after)).toEqual({
      jitterMs: 4,
      lossPercent: 0,
      rttMs: 20,
      mos: 4.4,
      level: 'good'
    })
    const lossy = { packetsReceived: 1190, packetsLost: 110, jitterS: 0.004, rttS: 0.02 }
    expect(callQuality(after, lossy).lossPercent).toBe(10)
  })

  it('uses the whole call for the first reading', () => {
    const first = { packetsReceived: 95, packetsLost: 5, jitterS: 0, rttS: null }
    expect(callQuality(null, first).lossPercent).toBe(5)
    expect(callQuality(null, first).rttMs).toBeNull()
  })
})

describe('reading getStats()', () => {
  const inbound = {
    type: 'inbound-rtp',
    kind: 'audio',
    packetsReceived: 250,
    packetsLost: 3,
    jitter: 0.002
  }

  it('takes the RTT from the far end’s RTCP when there is one', () => {
    const stats = [
      inbound,
      { type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.031 },
      { type: 'candidate-pair', nominated: true, currentRoundTripTime: 0.001 },
      { type: 'inbound-rtp', kind: 'video', packetsReceived: 9999 }
    ]
    expect(snapshotOf(stats)).toEqual({
      packetsReceived: 250,
      packetsLost: 3,
      jitterS: 0.002,
      rttS: 0.031
    })
  })

  it('falls back to the nominated ICE pair’s RTT, and to null before audio flows', () => {
    const stats = [
      inbound,
      { type: 'candidate-pair', nominated: false, currentRoundTripTime: 0.5 },
      { type: 'candidate-pair', nominated: true, currentRoundTripTime: 0.004 }
    ]
    expect(snapshotOf(stats)?.rttS).toBe(0.004)
    expect(snapshotOf([{ type: 'outbound-rtp', kind: 'audio' }])).toBeNull()
  })
})
