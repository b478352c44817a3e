/** How callbacks scheduled or completed here, and pulled ones, land in the store. */
import { pulledRecord, type MutationSlice, type PulledSlice } from '../store/apply-tables'
import {
  applyLocalCallbackComplete,
  applyLocalCallbackSchedule,
  hasCallback,
  isCallbackCompletionQueued,
  upsertServerCallback
} from './rows'

export const callbackMutations: MutationSlice<'callback.schedule' | 'callback.complete'> = {
  applied: {
    'callback.schedule': (db, m) => hasCallback(db, m.args.id),
    'callback.complete': (db, m) => isCallbackCompletionQueued(db, m.id)
  },
  apply: {
    'callback.schedule': applyLocalCallbackSchedule,
    'callback.complete': applyLocalCallbackComplete
  }
}

export const callbackPulled: PulledSlice<'callback'> = {
  callback: pulledRecord(upsertServerCallback)
}
