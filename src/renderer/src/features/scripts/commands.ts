/**
 * Drives the script run of the current call. The interpreter is pure; these commands feed it the
 * agent's events with the context of the moment (customer on the card, language, time), keep the
 * store in step, and carry out the effects the script emits.
 */
import i18next from 'i18next'

import { dueFromScript } from '../../../../shared/domain/callback-due'
import type { Customer, Language } from '../../../../shared/domain/customer'
import { applyEvent, startRun, viewRun } from '../../../../shared/scripts/interpreter'
import type { RunContext } from '../../../../shared/scripts/run-context'
import type { RunResult } from '../../../../shared/scripts/run-result'
import type { EmittedEffect, RunEvent, RunState } from '../../../../shared/scripts/run-state'
import { runRecordOf } from '../../../../shared/scripts/run-record'
import { selectScript } from '../../../../shared/scripts/select-script'
import { dataClient } from '../../data/data-client'
import { useAppStore } from '../../stores/app-store'
import type { CallInfo } from '../../telephony/call-session'
import { transferAddress } from '../softphone/phone-line'
import { prefillTransfer } from '../softphone/transfer-prefill'
import { openCallbackForCall } from '../wrap-up/commands'
import { scriptCatalog } from './bundled-scripts'

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
 * disposition for the wrap-up, the transfer field filled in (the agent confirms the transfer).
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
        if (callId !== PREVIEW_RUN) prefillTransfer(transferAddress(effect.target))
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

/** Whether each call whose runs we record is a practice call, learnt when its run starts. */
const practiceCalls = new Map<string, boolean>()

/** The call is over and its runs are recorded (or queued): nothing more to know about it. */
export function forgetCall(callId: string): void {
  practiceCalls.delete(callId)
}

/** Saves a run that just ended through the data worker (journaled, then synced). */
async function recordRun(callId: string, state: RunState): Promise<void> {
  const practice = practiceCalls.get(callId)
  const client = dataClient()
  if (practice === undefined || !client) return
  // Production runs belong to a team (the server refuses the rest, as it does their calls).
  const user = useAppStore.getState().auth.user
  if (!practice && (user?.teamId ?? null) === null) return
  const customerId = useAppStore.getState().screenPop.customer?.id ?? null
  const record = runRecordOf(state, { callId, practice, customerId })
  if (!record) return
  const saved = await client.send('scriptRun:record', record)
  if (!saved.ok) useAppStore.getState().scriptRunRefused(saved.error.message)
}

function commit(callId: string, result: RunResult): boolean {
  if (!result.ok) {
    refuse(result.error.code)
    return false
  }
  const before = useAppStore.getState().scriptRun
  const wasOpen = before.callId === callId && before.state?.status === 'open'
  useAppStore.getState().scriptRunChanged(callId, result.data.state, result.data.view)
  carryOut(callId, result.data.effects)
  if (wasOpen && result.data.state.status !== 'open') {
    suggestOutcome(callId, result.data.state)
    void recordRun(callId, result.data.state)
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
  const current = store.scriptRun
  if (current.callId === callId && current.state?.status === 'open') {
    applyToCurrent({ type: 'abandon', reason: `switched to ${scriptId}` })
  }
  const customer = store.screenPop.customer
  // A preview belongs to no call and is never recorded.
  const call = store.phone.call
  if (call?.id === callId) practiceCalls.set(callId, call.kind === 'practice')
  commit(callId, startRun(script, contextNow(customer, runLanguage(customer))))
}

/** Starts the script the rules pick for a call that just connected. */
export function startScriptForCall(info: CallInfo): void {
  if (useAppStore.getState().scriptRun.callId === info.id) return
  const scriptId = scriptFor(info, useAppStore.getState().screenPop.customer)
  if (scriptId) startScript(info.id, scriptId)
}

function applyToCurrent(event: RunEvent): boolean {
  const { scriptRun, screenPop } = useAppStore.getState()
  const { state, callId } = scriptRun
  if (!state || !callId) return false
  const script = scriptCatalog().scripts.get(state.scriptId)
  if (!script) {
    refuse('unknown_script')
    return false
  }
  return commit(
    callId,
    applyEvent(script, state, event, contextNow(screenPop.customer, state.language))
  )
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
  const { scriptRun, screenPop } = useAppStore.getState()
  const { state, callId } = scriptRun
  if (!state || !callId) return
  const script = scriptCatalog().scripts.get(state.scriptId)
  if (script) commit(callId, viewRun(script, state, contextNow(screenPop.customer, state.language)))
}

/** True when the call's wrap-up may finish: no run, or the run is closed or abandoned. */
export function scriptAllowsFinish(): boolean {
  const state: RunState | null = useAppStore.getState().scriptRun.state
  return state === null || state.status !== 'open'
}
