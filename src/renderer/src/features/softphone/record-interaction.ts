/**
 * Saves every finished SIP call as an interaction record through the data worker (journaled,
 * then synced). Practice calls are left out: practice never mixes with production figures. A
 * call with a colleague is saved as `party: 'colleague'`, with no customer: a fact of the agent's
 * day (the line was busy), never a customer interaction (docs/telephony.md).
 */
import type { InteractionMonitors } from '@shared/domain/interaction'
import { toE164 } from '@shared/phone/normalize'
import { dataClient } from '../../data/data-client'
import { useAppStore } from '../../stores/app-store'
import type { CallSession } from '../../telephony/call-session'
import { CallTimeline, type InteractionInput } from '../../telephony/call-timeline'
import { defaultCountry } from '@renderer/settings/caller-id-settings'
import { isPracticeCall } from '@renderer/telephony/call-session'

async function save(record: InteractionInput): Promise<void> {
  const client = dataClient()
  if (!client) return
  const result = await client.send('interaction:record', record)
  if (!result.ok) useAppStore.getState().phoneError(result.error.message)
}

/**
 * Who monitored the call (leads listening, whispering or barging in), on its record when anyone
 * did; the record holds at most 10 sessions.
 */
function withMonitoredBy(record: InteractionInput, entries: InteractionMonitors): InteractionInput {
  return entries.length === 0 ? record : { ...record, monitoredBy: entries.slice(0, 10) }
}

/**
 * Follows `session` and saves its record when it ends; `monitoredBy` tells who monitored it
 * (leads listening, whispering or barging in; never practice calls).
 */
export function recordInteractionOf(
  session: CallSession,
  monitoredBy?: (callId: string) => InteractionMonitors
): void {
  // Practice (a role-play too) leaves no interaction record: its records carry the practice mark.
  if (session.info.kind !== 'sip' || isPracticeCall(session.info)) return
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
      if (!record) return
      const entries = monitoredBy?.(session.info.id) ?? []
      void save(withMonitoredBy(isColleague ? { ...record, party: 'colleague' } : record, entries))
    }
  })
}
