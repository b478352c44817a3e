/** How a caller is named on screen: display name, else number; withheld numbers say so. */
import type { TFunction } from 'i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { CallInfo } from '../../telephony/call-session'

export function callerLabel(call: CallInfo, t: TFunction): string {
  if (call.remoteNumber.toLowerCase() === 'anonymous') {
    return t('softphone.withheld')
  }
  return sanitizeDisplayText(call.remoteDisplayName ?? call.remoteNumber)
}
