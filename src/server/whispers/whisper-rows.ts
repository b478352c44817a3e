/** Reading a whisper back as the change log sends it (whole, on every change). */
import type { Whisper } from '@shared/domain/whisper'
import type { NewChange } from '../sync/change-log'
import type { Queryable } from '../db/db'

interface WhisperRow {
  id: string
  agent_id: string
  team_id: string
  lead_id: string
  lead_name: string
  call_id: string | null
  kind: 'text' | 'jump'
  text: string
  jump_id: string | null
  jump_label: string | null
  answers_hand: boolean
  sent_at: Date
  acknowledged_at: Date | null
}

function toWhisper(r: WhisperRow): Whisper {
  return {
    id: r.id,
    agentId: r.agent_id,
    teamId: r.team_id,
    leadId: r.lead_id,
    leadName: r.lead_name,
    callId: r.call_id,
    kind: r.kind,
    text: r.text,
    jumpId: r.jump_id,
    jumpLabel: r.jump_label,
    answersHand: r.answers_hand,
    sentAt: r.sent_at.toISOString(),
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null
  }
}

export async function readWhisper(tx: Queryable, id: string): Promise<Whisper | null> {
  const rows = await tx.query<WhisperRow>(
    `SELECT w.*, u.display_name AS lead_name FROM whispers w JOIN users u ON u.id = w.lead_id
     WHERE w.id = $1`,
    [id]
  )
  const row = rows[0]
  return row ? toWhisper(row) : null
}

/** The change-log entry: private to the agent (and, by the pull's rule, the team's leads). */
export function whisperChange(whisper: Whisper): NewChange {
  return {
    entity: 'whisper',
    entityId: whisper.id,
    teamId: whisper.teamId,
    userId: whisper.agentId,
    data: whisper
  }
}
