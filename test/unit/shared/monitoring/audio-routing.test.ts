/** Who hears whom per mode, as the pure matrix the agent's app applies with WebAudio gains. */
import { describe, expect, it } from 'vitest'

import { routingFor, voices } from '@shared/monitoring/audio-routing'
import { monitorModes } from '@shared/monitoring/monitoring'

describe('the audio routing of a monitored call', () => {
  it('listen: the lead hears both; nobody hears the lead', () => {
    expect(routingFor('listen')).toEqual({
      customer: { agent: 1, customer: 0, lead: 0 },
      lead: { agent: 1, customer: 1, lead: 0 },
      agent: { agent: 0, customer: 1, lead: 0 }
    })
  })

  it('whisper: the agent hears the lead, the customer does not', () => {
    expect(routingFor('whisper')).toEqual({
      customer: { agent: 1, customer: 0, lead: 0 },
      lead: { agent: 1, customer: 1, lead: 0 },
      agent: { agent: 0, customer: 1, lead: 1 }
    })
  })

  it('barge: everyone hears everyone else', () => {
    expect(routingFor('barge')).toEqual({
      customer: { agent: 1, customer: 0, lead: 1 },
      lead: { agent: 1, customer: 1, lead: 0 },
      agent: { agent: 0, customer: 1, lead: 1 }
    })
  })

  it('held: the customer hears nobody and the lead hears nothing; the agent still hears a talking lead', () => {
    for (const mode of monitorModes) {
      const held = routingFor(mode, true)
      expect(held.customer).toEqual({ agent: 0, customer: 0, lead: 0 })
      expect(held.lead).toEqual({ agent: 0, customer: 0, lead: 0 })
      expect(held.agent).toEqual({ agent: 0, customer: 0, lead: mode === 'listen' ? 0 : 1 })
    }
  })

  it('nobody ever hears themselves', () => {
    for (const mode of monitorModes) {
      for (const held of [false, true]) {
        for (const voice of voices) expect(routingFor(mode, held)[voice][voice]).toBe(0)
      }
    }
  })
})
