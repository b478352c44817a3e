/** How whispers sent or acknowledged here, and pulled ones, land in the store. */
import { pulledRecord, type MutationSlice, type PulledSlice } from '../store/apply-tables'
import {
  applyLocalWhisperAcknowledge,
  applyLocalWhisperSend,
  hasWhisper,
  isWhisperMutationQueued,
  upsertServerWhisper
} from './rows'

export const whisperMutations: MutationSlice<'whisper.send' | 'whisper.acknowledge'> = {
  applied: {
    'whisper.send': (db, m) => hasWhisper(db, m.args.id),
    'whisper.acknowledge': (db, m) => isWhisperMutationQueued(db, m.id)
  },
  apply: {
    'whisper.send': applyLocalWhisperSend,
    'whisper.acknowledge': applyLocalWhisperAcknowledge
  }
}

export const whisperPulled: PulledSlice<'whisper'> = {
  whisper: pulledRecord(upsertServerWhisper)
}
