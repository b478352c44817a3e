/** The floor's icons for states and alerts, and how desk text becomes a text node. */
import {
  CircleCheck,
  CirclePause,
  Hand,
  NotebookPen,
  Phone,
  PhoneMissed,
  PhoneOff,
  Timer,
  Unplug,
  WifiOff,
  type LucideIcon
} from 'lucide-react'

import type { FloorAlertKind } from '@shared/domain/configuration'
import { sanitizeDisplayText } from '@shared/domain/text'

import type { FloorStateKey } from '../floor-rows'

export const stateIcons: Record<FloorStateKey, LucideIcon> = {
  on_call: Phone,
  wrap_up: NotebookPen,
  ready: CircleCheck,
  not_ready: CirclePause,
  lost: Unplug,
  offline: WifiOff
}

export const alertIcons: Record<FloorAlertKind, LucideIcon> = {
  longCall: Timer,
  longWrapUp: Timer,
  pauseOverLimit: CirclePause,
  phoneOutOfService: PhoneOff,
  missedCall: PhoneMissed,
  handRaised: Hand,
  connectionLost: Unplug
}

/** Desk text, cleaned of controls and bidi overrides and cut to `max`: always a text node. */
export const text = (value: string, max = 60) => sanitizeDisplayText(value, max)
