/**
 * The agent state requests: a change of state, a lead forcing an agent's, this user's current
 * one, the team's latest.
 */
import { agentStateForceInputSchema, agentStateInputSchema } from '@shared/domain/agent-state'

import { noArgs, request, type RequestSlice } from '../request-table'
import { forceAgentState, recordAgentState } from './commands'
import { currentAgentState, latestAgentStates } from './rows'

export const agentStateRequests = {
  'agentState:record': request(agentStateInputSchema, 'typed', async (host, args) => ({
    agentState: await host.session.write((store) => recordAgentState(store, args), ['agent_state'])
  })),
  // The note is what the lead typed.
  'agentState:force': request(agentStateForceInputSchema, 'typed', async (host, args) => {
    const session = host.session
    return {
      agentState: await session.write(
        (store) => forceAgentState(store, session.actor, args),
        ['agent_state']
      )
    }
  }),
  'agentState:current': request(noArgs, 'typed', (host) => {
    const session = host.session
    return { agentState: currentAgentState(session.store.db, session.userId) }
  }),
  'agentState:latest': request(noArgs, 'typed', (host) => {
    const session = host.session
    return { agentStates: latestAgentStates(session.store.db, session.userId) }
  })
} satisfies RequestSlice
