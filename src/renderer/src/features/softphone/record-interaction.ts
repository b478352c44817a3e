/**
 * Saves every finished SIP call as an interaction record through the data worker (journaled,
 * then synced). Practice calls are left out: practice never mixes with production figures. A
 * call with a colleague is saved as `party: 'colleague'`, with no customer: a fact of the agent's
 * day (the line was busy), never a customer interaction (docs/telephony.md).
 */
import { toE164 } from '@shared/phone/normalize'
import { dataClient } from '../../data/data-client'
import { useAppStore } from '../../stores/app-store'
import type { CallSession } from '../../telephony/call-session'
import { CallTimeline, type InteractionInput } from '../../telephony/call-timeline'
import { defaultCountry } from '@renderer/settings/caller-id-settings'

async function save(record: InteractionInput): Promise<void> {
  const client = dataClient()
  if (!client) return
  const result = await client.send('interaction:record', record)
  if (!result.ok) useAppStore.getState().phoneError(result.error.message)
}

/** Follows `session` and saves its record when it ends. */
export function recordInteractionOf(session: CallSession): void {
  if (session.info.kind !== 'sip') return
  const timeline = new CallTimeline(session.info)
  // With several lines the card may show another caller when this call ends: remember whom
  // it showed for this one.
  let customerId: string | null = null
  let isColleague = false
  session.subscribe({
    onStateChange: (state, endedBy) => {
      const pop = useAppStore.getState().screenPop
      if (pop.callId === session.info.id) {
        customerId = pop.customer?.id ?? customerId
        isColleague ||= pop.colleague !== null
      }
      const record = timeline.observe(state, endedBy, {
        customerId: isColleague ? null : customerId,
        remoteE164: toE164(session.info.remoteNumber, defaultCountry())
      })
      if (record) void save(isColleague ? { ...record, party: 'colleague' } : record)
    }
  })
}
