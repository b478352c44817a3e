/**
 * A script's transfer step puts its target in the phone's transfer field: the form opens with the
 * number (or the queue's address) filled in, and the agent confirms there, blind (Enter) or by
 * consulting first. Nothing is transferred without that confirmation.
 */
import type { ScriptEffect } from '@shared/scripts/effects'

export const PREFILL_TRANSFER_EVENT = 'atiende:prefill-transfer'

/** Where a script's transfer step sends the call: a number, or a queue of the PBX. */
export type TransferTarget = Extract<ScriptEffect, { type: 'transfer' }>['target']

export function prefillTransfer(target: TransferTarget): void {
  window.dispatchEvent(new CustomEvent(PREFILL_TRANSFER_EVENT, { detail: { target } }))
}

function isTransferTarget(value: unknown): value is TransferTarget {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false
  if (value.kind === 'number') return 'e164' in value && typeof value.e164 === 'string'
  return value.kind === 'queue' && 'queue' in value && typeof value.queue === 'string'
}

/** The target a prefill event carries, or null for any other event. */
export function prefilledTarget(event: Event): TransferTarget | null {
  if (!(event instanceof CustomEvent)) return null
  const detail: unknown = event.detail
  if (typeof detail !== 'object' || detail === null || !('target' in detail)) return null
  return isTransferTarget(detail.target) ? detail.target : null
}
