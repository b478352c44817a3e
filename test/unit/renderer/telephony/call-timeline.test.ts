import { describe, expect, it } from 'vitest'

import { CallState, type CallInfo } from '@renderer/telephony/call-session'
import { CallTimeline } from '@renderer/telephony/call-timeline'
import { interactionRecordInputSchema } from '@shared/domain/interaction'

const info = (direction: CallInfo['direction']): CallInfo => ({
  id: 'call-1',
  kind: 'sip',
  direction,
  remoteNumber: '612 34 56 78',
  remoteDisplayName: null,
  ctiHeaders: {},
  startedAt: '2026-11-24T10:00:00.000Z'
})

/** A clock the test moves by hand, in seconds after the ring. */
function clock() {
  let seconds = 0
  return {
    at: (s: number) => {
      seconds = s
    },
    now: () => new Date(Date.parse('2026-11-24T10:00:00.000Z') + seconds * 1000)
  }
}

const context = { customerId: null, remoteE164: '+34612345678' }

describe('CallTimeline', () => {
  it('records an answered call with its hold time and who hung up', () => {
    const c = clock()
    const t = new CallTimeline(info('inbound'), c.now)
    c.at(4)
    expect(t.observe(CallState.Active, undefined, context)).toBeNull()
    c.at(30)
    t.observe(CallState.Held, undefined, context)
    c.at(45.5)
    t.observe(CallState.Active, undefined, context)
    c.at(60)
    t.observe(CallState.Held, undefined, context)
    c.at(62)
    const record = t.observe(CallState.Ended, 'remote', context)
    expect(record).toEqual({
      callId: 'call-1',
      direction: 'inbound',
      remoteNumber: '612 34 56 78',
      remoteE164: '+34612345678',
      customerId: null,
      ringAt: '2026-11-24T10:00:00.000Z',
      answeredAt: '2026-11-24T10:00:04.000Z',
      endedAt: '2026-11-24T10:01:02.000Z',
      holdSeconds: 17.5,
      result: 'answered',
      endedBy: 'remote'
    })
    expect(interactionRecordInputSchema.safeParse(record).success).toBe(true)
  })

  it('tells declined, missed and failed calls apart', () => {
    const declined = new CallTimeline(info('inbound')).observe(CallState.Ended, 'local', context)
    const missed = new CallTimeline(info('inbound')).observe(CallState.Ended, 'remote', context)
    const failed = new CallTimeline(info('outbound')).observe(CallState.Ended, 'remote', context)
    expect([declined?.result, missed?.result, failed?.result]).toEqual([
      'declined',
      'missed',
      'failed'
    ])
    expect(declined?.answeredAt).toBeNull()
  })

  it('keeps a hostile remote number bounded for the record', () => {
    const long = { ...info('inbound'), remoteNumber: '<b>'.repeat(100) }
    const record = new CallTimeline(long, clock().now).observe(CallState.Ended, 'remote', context)
    expect(record?.remoteNumber).toHaveLength(128)
    expect(interactionRecordInputSchema.safeParse(record).success).toBe(true)
  })
})
