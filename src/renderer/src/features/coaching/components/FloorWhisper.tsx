import type { FloorEntry } from '@shared/presence/presence'
import { WhisperComposer } from './WhisperComposer'

/**
 * The whisper composer for one agent of the floor, fed by the agent's live entry (the call on
 * their desk, the running script's jumps, a raised hand); without one, a plain text whisper.
 * Shaped for the floor's actions slot: `renderActions={(entry, agent) => <FloorWhisper … />}`.
 */
export function FloorWhisper({
  entry,
  agent
}: {
  entry: FloorEntry | null | undefined
  agent: { id: string; name: string }
}) {
  const presence = entry?.presence
  return (
    <WhisperComposer
      agentId={agent.id}
      agentName={agent.name}
      callId={presence?.call?.id ?? null}
      jumps={presence?.script?.jumps ?? []}
      handRaised={presence?.handRaisedAt != null}
    />
  )
}
