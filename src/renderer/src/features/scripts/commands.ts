/**
 * What the script runner (`script-runner.ts`) does with a run besides stepping it: picks the script for a call,
 * carries out the effects the script emits, suggests the wrap-up's outcome, and records a run
 * that ended. None of it keeps state between calls.
 */
import i18next from 'i18next'

import { dueFromScript } from '@shared/domain/callback-due'
import type { Customer, Language } from '@shared/domain/customer'
import type { RunContext } from '@shared/scripts/run-context'
import type { EmittedEffect, RunState } from '@shared/scripts/run-state'
import { runRecordOf } from '@shared/scripts/run-record'
import { selectScript } from '@shared/scripts/select-script'
import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'
import type { CallInfo } from '@renderer/telephony/call-session'
import { prefillTransfer } from '../softphone'
import { openCallbackForCall } from '../wrap-up'
import { scriptCatalog } from './bundled-scripts'
import { pausesOf, type LineRun } from './line-runs'

/** The CTI headers an ACD or IVR sets to say which queue or campaign the call came through. */
const QUEUE_HEADER = 'x-queue'
const CAMPAIGN_HEADER = 'x-campaign'
const CALLED_HEADER = 'x-called-number'

/** The owner of a run started outside any call: a trainer's or an agent's preview. */
export const PREVIEW_RUN = 'preview'

export function runLanguage(customer: Customer | null): Language {
  // The customer's language decides what the agent reads out, whatever the interface language.
  if (customer) return customer.preferredLanguage
  return i18next.language.startsWith('en') ? 'en' : 'es'
}

export function contextNow(customer: Customer | null, language: Language): RunContext {
  return { customer, language, now: new Date() }
}

export function refuse(code: string): void {
  useAppStore.getState().scriptRunRefused(i18next.t(`scripts.errors.${code}`))
}

/**
 * Carries out what the script asked: a prefilled complaint, a prefilled callback, a suggested
 * disposition for the wrap-up, the transfer field filled in (the agent confirms the transfer;
 * the softphone turns a queue into its address at the account's domain).
 * A preview belongs to no call: it suggests nothing to a wrap-up and transfers nothing.
 */
export function carryOut(callId: string, effects: readonly EmittedEffect[]): void {
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
export function suggestOutcome(callId: string, state: RunState): void {
  if (callId === PREVIEW_RUN || state.status !== 'closed' || !state.outcome) return
  useAppStore.getState().dispositionSuggested(callId, state.outcome)
}

/** Saves a run that just ended through the data worker (journaled, then synced). */
export async function recordRun(run: LineRun): Promise<void> {
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

/**
 * The script for this call: a practice call's scenario names the one the trainee must follow;
 * otherwise the one the rules pick, or null when none fits.
 */
export function scriptFor(info: CallInfo, customer: Customer | null): string | null {
  const { scripts, rules } = scriptCatalog()
  const practiceScript = info.practice?.scenario.script.id
  if (practiceScript !== undefined && scripts.has(practiceScript)) return practiceScript
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
