/** How a whisper reads, on the desk and where the call's record is shown. */
import type { TFunction } from 'i18next'

import type { LocalWhisper } from '@shared/contract/worker'
import { sanitizeDisplayText } from '@shared/domain/text'

export function leadNameOf(whisper: LocalWhisper, t: TFunction): string {
  return whisper.leadName ? sanitizeDisplayText(whisper.leadName, 60) : t('coaching.inbox.yourLead')
}

/** "Carla Méndez: «Ofrécele la retención»" or "Carla Méndez te sugiere ir a: Oferta de retención". */
export function whisperLine(whisper: LocalWhisper, t: TFunction): string {
  const lead = leadNameOf(whisper, t)
  const text = sanitizeDisplayText(whisper.text, 300)
  if (whisper.kind === 'jump') {
    const step = sanitizeDisplayText(whisper.jumpLabel ?? whisper.jumpId ?? '', 120)
    const line = t('coaching.inbox.jump', { lead, step })
    return text ? t('coaching.inbox.jumpWithNote', { line, text }) : line
  }
  return t('coaching.inbox.text', { lead, text })
}
