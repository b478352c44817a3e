/**
 * What the trainer, playing the customer, has to say at the trainee's current step: the
 * scenario's lines there, in the persona's language, the answer the customer gives to a
 * question (in the script's words), the objection it raises and how it answers an offer. The
 * same scenario the solo practice plays, read as a prompter instead of spoken by the app.
 */
import { pickText } from '@shared/scripts/localized-text'
import { answerLabel } from '@shared/scripts/node-label'
import type { Script } from '@shared/scripts/schema'
import type { Scenario } from '@shared/practice/scenario-schema'

export interface PrompterCue {
  /** What it is: a line to say, the answer to give, an objection, the answer to an offer. */
  kind: 'says' | 'answer' | 'objection' | 'offer'
  text: string
  /** For an offer: whether the customer takes it. */
  accepted?: boolean
}

export function prompterFor(
  scenario: Scenario,
  script: Script | null,
  nodeId: string
): PrompterCue[] {
  const language = scenario.persona.language
  const turn = scenario.customer.turns.find((t) => t.node === nodeId)
  if (!turn) return []
  const say = (kind: PrompterCue['kind'], lines: readonly Parameters<typeof pickText>[0][]) =>
    lines.map((line) => ({ kind, text: pickText(line, language) }))
  const cues: PrompterCue[] = [...say('says', turn.says ?? [])]
  if (turn.answer !== undefined) {
    const label = script ? answerLabel(script, nodeId, turn.answer, language) : null
    cues.push({ kind: 'answer', text: label ?? String(turn.answer) })
  }
  if (turn.objection) cues.push(...say('objection', turn.objection.says))
  if (turn.offer) {
    const accepted = turn.offer.response === 'accepted'
    cues.push(...say('offer', turn.offer.says).map((cue) => ({ ...cue, accepted })))
  }
  return cues
}
