/** The whisper capability's mutations: a whisper sent by a lead, and acknowledged by its agent. */
import type { MutationSlice } from '../sync/mutation-slice'
import { applyWhisperAcknowledge } from './whisper-acknowledge'
import { applyWhisperSend } from './whisper-send'

export const whisperMutations: MutationSlice<'whisper'> = {
  'whisper.send': ({ tx, claims }, m) => applyWhisperSend(tx, claims, m.args),
  'whisper.acknowledge': ({ tx, claims }, m) => applyWhisperAcknowledge(tx, claims, m.args)
}
