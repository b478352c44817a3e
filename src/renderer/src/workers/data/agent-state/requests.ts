/** The agent state requests: a change of state, this user's current one, the team's latest. */
import { agentStateInputSchema } from '@shared/domain/agent-state'

import { noArgs, request, type RequestSlice } from '../request-table'
import { recordAgentState } from './commands'
import { currentAgentState, latestAgentStates } from './rows'

export const agentStateRequests = {
  'agentState:record': request(agentStateInputSchema, 'typed', async (host, args) => ({
    agentState: await host.session.write((store) => recordAgentState(store, args), ['agent_state'])
  })),
  'agentState:current': request(noArgs, 'typed', (host) => {
    const session = host.session
    return { agentState: currentAgentState(session.store.db, session.userId) }
  }),
  'agentState:latest': request(noArgs, 'typed', (host) => {
    const session = host.session
    return { agentStates: latestAgentStates(session.store.db, session.userId) }
  })
} satisfies RequestSlice
