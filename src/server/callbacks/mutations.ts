/** The callback capability's mutations: a callback scheduled, and one completed. */
import type { MutationSlice } from '../sync/mutation-slice'
import { applyCallbackComplete } from './callback-complete'
import { applyCallbackSchedule } from './callback-schedule'

export const callbackMutations: MutationSlice<'callback'> = {
  'callback.schedule': ({ tx, claims }, m) => applyCallbackSchedule(tx, claims, m.args),
  'callback.complete': ({ tx, claims }, m) => applyCallbackComplete(tx, claims, m.args)
}
