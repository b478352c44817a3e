/**
 * Drives the script runs of the agent's calls, one per line ({@link LineRuns}); the store shows the
 * run of the line in front. The interpreter is pure; these commands feed it the agent's events
 * with the context of the moment (customer on the card, language, time), keep the store in step,
 * and carry out the effects the script emits.
 */
import i18next from 'i18next'

import { dueFromScript } from '@shared/domain/callback-due'
import type { Customer, Language } from '@shared/domain/customer'
import { applyEvent, startRun, viewRun } from '@shared/scripts/interpreter'
import type { RunContext } from '@shared/scripts/run-context'
import type { RunResult } from '@shared/scripts/run-result'
import type { EmittedEffect, RunEvent, RunState } from '@shared/scripts/run-state'
import { runRecordOf } from '@shared/scripts/run-record'
import { selectScript } from '@shared/scripts/select-script'
import { dataClient } from '../../data/data-client'
import { useAppStore } from '../../stores/app-store'
import type { CallInfo } from '../../telephony/call-session'
import { prefillTransfer } from '../softphone'
import { openCallbackForCall } from '../wrap-up'
import { scriptCatalog } from './bundled-scripts'
import { LineRuns, pausesOf, type LineRun } from './line-runs'

/** The CTI headers an ACD or IVR sets to say which queue or campaign the call came through. */
const QUEUE_HEADER = 'x-queue'
const CAMPAIGN_HEADER = 'x-campaign'
const CALLED_HEADER = 'x-called-number'

/** The owner of a run started outside any call: a trainer's or an agent's preview. */
export const PREVIEW_RUN = 'preview'

function runLanguage(customer: Customer | null): Language {
  // The customer's language decides what the agent reads out, whatever the interface language.
  if (customer) return customer.preferredLanguage
  return i18next.language.startsWith('en') ? 'en' : 'es'
}

function contextNow(customer: Customer | null, language: Language): RunContext {
  return { customer, language, now: new Date() }
}

function refuse(code: string): void {
  useAppStore.getState().scriptRunRefused(i18next.t(`scripts.errors.${code}`))
}

/**
 * Carries out what the script asked: a prefilled complaint, a prefilled callback, a suggested
 * disposition for the wrap-up, the transfer field filled in (the agent confirms the transfer;
 * the softphone turns a queue into its address at the account's domain).
 * A preview belongs to no call: it suggests nothing to a wrap-up and transfers nothing.
 */
function carryOut(callId: string, effects: readonly EmittedEffect[]): void {
  const store = useAppStore.getState()
  for (const { effect } of effects) {
    switch (effect.type) {
      case 'create_complaint':
        store.draftRequested({ category: effect.category, description: effect.description })
        break
      case 'set_disposition':
        if (callId !== PREVIEW_RUN) store.dispositionSuggested(callId, effect.code)
        break
      case 'schedule_callback':
        if (callId !== PREVIEW_RUN) {
          openCallbackForCall(effect.note, dueFromScript(effect.due)?.toISOString() ?? null)
        }
        break
      case 'transfer':
        if (callId !== PREVIEW_RUN) prefillTransfer(effect.target)
        break
      case 'offer_product':
        // Shown on the step, which asks whether the customer took it (recorded on the path).
        break
    }
  }
}

/** A closed run's outcome is the script's word on how the call ended: the wrap-up's default. */
function suggestOutcome(callId: string, state: RunState): void {
  if (callId === PREVIEW_RUN || state.status !== 'closed' || !state.outcome) return
  useAppStore.getState().dispositionSuggested(callId, state.outcome)
}

/** One run per line: the runner shows the front one; the others wait where they were. */
let runs = new LineRuns()

/** Test hook: forget every line's run (the store is reset separately). */
export function resetLineRuns(): void {
  runs = new LineRuns()
}

/** Saves a run that just ended through the data worker (journaled, then synced). */
async function recordRun(run: LineRun): Promise<void> {
  const client = dataClient()
  if (run.practice === null || !client) return
  // Production runs belong to a team (the server refuses the rest, as it does their calls).
  const user = useAppStore.getState().auth.user
  if (!run.practice && (user?.teamId ?? null) === null) return
  const context = { callId: run.callId, practice: run.practice, customerId: run.customerId }
  const record = runRecordOf(run.state, context, pausesOf(run, endOf(run.state)))
  if (!record) return
  const saved = await client.send('scriptRun:record', record)
  if (!saved.ok) useAppStore.getState().scriptRunRefused(saved.error.message)
}

const endOf = (state: RunState): string =>
  state.closedAt ?? state.log[state.log.length - 1]?.at ?? state.startedAt

function commit(callId: string, result: RunResult): boolean {
  const isFront = runs.frontId === callId
  if (!result.ok) {
    if (isFront) refuse(result.error.code)
    return false
  }
  const wasOpen = runs.get(callId)?.state.status === 'open'
  const run = runs.update(callId, result.data.state)
  if (!run) return false
  const store = useAppStore.getState()
  if (isFront) {
    run.customerId = store.screenPop.customer?.id ?? null
    store.scriptRunChanged(callId, result.data.state, result.data.view)
  }
  carryOut(callId, result.data.effects)
  if (wasOpen && result.data.state.status !== 'open') {
    suggestOutcome(callId, result.data.state)
    void recordRun(run)
  }
  return true
}

/** The script the rules pick for this call, or null when none fits. */
export function scriptFor(info: CallInfo, customer: Customer | null): string | null {
  const { scripts, rules } = scriptCatalog()
  return selectScript(
    rules,
    {
      direction: info.direction,
      calledNumber: info.ctiHeaders[CALLED_HEADER] ?? null,
      queue: info.ctiHeaders[QUEUE_HEADER]?.toLowerCase() ?? null,
      campaign: info.ctiHeaders[CAMPAIGN_HEADER]?.toLowerCase() ?? null,
      tier: customer?.tier ?? null,
      language: runLanguage(customer)
    },
    new Set(scripts.keys())
  )
}

/** Starts `scriptId` for the call; a run already open for it is abandoned as switched. */
export function startScript(callId: string, scriptId: string): void {
  const store = useAppStore.getState()
  const script = scriptCatalog().scripts.get(scriptId)
  if (!script) {
    refuse('unknown_script')
    return
  }
  // The agent starts a script on the line in front: the panel shows that line's run.
  if (runs.frontId !== callId) lineRunFocused(callId)
  if (runs.get(callId)?.state.status === 'open') {
    applyTo(callId, { type: 'abandon', reason: `switched to ${scriptId}` })
  }
  const customer = store.screenPop.customer
  const result = startRun(script, contextNow(customer, runLanguage(customer)))
  if (!result.ok) {
    refuse(result.error.code)
    return
  }
  // A preview belongs to no call and is never recorded.
  const call = store.phone.call
  const practice = call?.id === callId ? call.kind === 'practice' : null
  const options = { practice, customerId: customer?.id ?? null }
  runs.begin(callId, result.data.state, options, result.data.state.startedAt)
  commit(callId, result)
}

/** Starts the script the rules pick for a call that just connected. */
export function startScriptForCall(info: CallInfo): void {
  // A line that comes back from hold keeps the run it had.
  if (runs.get(info.id)) return
  const scriptId = scriptFor(info, useAppStore.getState().screenPop.customer)
  if (scriptId) startScript(info.id, scriptId)
}

function applyTo(callId: string, event: RunEvent): boolean {
  const run = runs.get(callId)
  if (!run) return false
  const script = scriptCatalog().scripts.get(run.state.scriptId)
  if (!script) {
    if (runs.frontId === callId) refuse('unknown_script')
    return false
  }
  // The card shows the front call's customer; a background run only ever gets `abandon`.
  const customer = runs.frontId === callId ? useAppStore.getState().screenPop.customer : null
  return commit(
    callId,
    applyEvent(script, run.state, event, contextNow(customer, run.state.language))
  )
}

function applyToCurrent(event: RunEvent): boolean {
  const callId = runs.frontId
  return callId !== null && applyTo(callId, event)
}

/**
 * Another line came to the front (or the last call left: the preview's owner): the runner
 * shows that line's run, resumed where it was, and parks the one that was showing.
 */
export function lineRunFocused(callId: string): void {
  const previous = runs.frontId
  // A preview is scratch work: it gives way to a call and is not kept for after it.
  if (previous === PREVIEW_RUN) runs.end(PREVIEW_RUN)
  const run = runs.focus(callId, new Date().toISOString())
  if (run) refreshScriptView()
  else useAppStore.getState().scriptRunCleared()
}

/** The call ended and the agent is done with it: an open run stops where it was (drop-off). */
export function lineRunEnded(callId: string): void {
  if (runs.get(callId)?.state.status === 'open') {
    applyTo(callId, { type: 'abandon', reason: 'call_ended' })
  }
  const wasFront = runs.frontId === callId
  runs.end(callId)
  if (wasFront) useAppStore.getState().scriptRunCleared()
}

/** Closes the preview the agent opened outside a call. */
export function closePreview(): void {
  lineRunEnded(PREVIEW_RUN)
}

/** One agent event (answer, option, next, back, confirm, jump, close, abandon). */
export function sendScriptEvent(event: RunEvent): boolean {
  return applyToCurrent(event)
}

/** Answers the current question and moves on, as Enter does. */
export function answerAndNext(value: string | number | boolean): void {
  if (applyToCurrent({ type: 'answer', value })) applyToCurrent({ type: 'next' })
}

/** Re-renders the run after the card changed (the agent chose among several customers). */
export function refreshScriptView(): void {
  const run = runs.front
  if (!run) return
  const { state } = run
  const script = scriptCatalog().scripts.get(state.scriptId)
  const { customer } = useAppStore.getState().screenPop
  if (script) commit(run.callId, viewRun(script, state, contextNow(customer, state.language)))
}

/** True when the call's wrap-up may finish: no run, or the run is closed or abandoned. */
export function scriptAllowsFinish(): boolean {
  const state = runs.front?.state ?? null
  return state === null || state.status !== 'open'
}
