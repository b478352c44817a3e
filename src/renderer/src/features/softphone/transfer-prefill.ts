/**
 * A script's transfer step puts its target in the phone's transfer field: the form opens with the
 * number (or the queue's address) filled in, and the agent confirms there, blind (Enter) or by
 * consulting first. Nothing is transferred without that confirmation.
 */
export const PREFILL_TRANSFER_EVENT = 'atiende:prefill-transfer'

export function prefillTransfer(target: string): void {
  window.dispatchEvent(new CustomEvent(PREFILL_TRANSFER_EVENT, { detail: { target } }))
}

/** The target a prefill event carries, or null for any other event. */
export function prefilledTarget(event: Event): string | null {
  if (!(event instanceof CustomEvent)) return null
  const detail: unknown = event.detail
  if (typeof detail !== 'object' || detail === null || !('target' in detail)) return null
  return typeof detail.target === 'string' ? detail.target : null
}
