/**
 * Who set an agent's state. Besides the desk's own records, the server records `connection_lost`
 * when a desk goes silent (so figures never count a dead desk as on a call) and a team lead may
 * force Ready or Not Ready, attributed to them with their note. Every earlier record was a desk's.
 */
import type { Migration } from './migration'

export const migration018AgentStateSources: Migration = {
  version: 18,
  name: 'agent-state-sources',
  statements: [
    `ALTER TABLE agent_states DROP CONSTRAINT agent_states_state_check`,
    `ALTER TABLE agent_states ADD CONSTRAINT agent_states_state_check
       CHECK (state IN ('ready', 'not_ready', 'on_call', 'wrap_up', 'logged_out', 'connection_lost'))`,
    `ALTER TABLE agent_states ADD COLUMN source text NOT NULL DEFAULT 'desk'
       CHECK (source IN ('desk', 'system', 'lead'))`,
    `ALTER TABLE agent_states ADD COLUMN set_by uuid REFERENCES users (id)`,
    `ALTER TABLE agent_states ADD COLUMN set_by_name text`,
    `ALTER TABLE agent_states ADD COLUMN note text`,
    // Only the server says a connection was lost, and a forced state always names its lead.
    `ALTER TABLE agent_states ADD CONSTRAINT agent_states_writer_check CHECK (
       (state <> 'connection_lost' OR source = 'system') AND (source <> 'lead' OR set_by IS NOT NULL)
     )`
  ]
}
