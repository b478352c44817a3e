/**
 * Who hears whom while a call is monitored, as a pure matrix the agent's app applies with WebAudio
 * gains. The agent's app is the only place the three voices meet: the customer's call and the
 * lead's monitoring call both end there.
 *
 * Sources are the three voices; sinks are the three ears (the customer's, through the customer
 * call's sender; the lead's, through the monitoring call's sender; the agent's own, through the
 * app's output). A gain is 0 or 1; nobody hears themselves.
 */
import type { MonitorMode } from './monitoring'

export const voices = ['agent', 'customer', 'lead'] as const
export type Voice = (typeof voices)[number]

/** For each ear, the gain of each voice. */
export type RoutingMatrix = Readonly<Record<Voice, Readonly<Record<Voice, 0 | 1>>>>

/**
 * The routing of `mode`; `held` is the monitored call on hold (the customer hears nobody, and the
 * lead hears nothing of the agent's other line while it is).
 */
export function routingFor(mode: MonitorMode, held = false): RoutingMatrix {
  const leadHeardByAgent = mode === 'listen' ? 0 : 1
  const leadHeardByCustomer = mode === 'barge' && !held ? 1 : 0
  return {
    customer: { agent: held ? 0 : 1, customer: 0, lead: leadHeardByCustomer },
    lead: { agent: held ? 0 : 1, customer: held ? 0 : 1, lead: 0 },
    agent: { agent: 0, customer: held ? 0 : 1, lead: leadHeardByAgent }
  }
}
