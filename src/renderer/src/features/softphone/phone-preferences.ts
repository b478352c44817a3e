/**
 * How the agent likes the phone to behave (a UI preference in localStorage, per workstation):
 * single line or call waiting, how DTMF leaves, how long an outbound call may ring, auto-answer.
 */
import { z } from 'zod'

import { parsedByText } from '../../platform/parsed-by-text'
import { DTMF_METHODS } from '../../telephony/call-session'

const STORAGE_KEY = 'atiende.softphone-preferences'

export const AUTO_ANSWER_MODES = ['never', 'requested', 'always'] as const
export type AutoAnswerMode = (typeof AUTO_ANSWER_MODES)[number]

export const RING_TIMEOUT_LIMITS = { min: 3, max: 300 } as const

export const phonePreferencesSchema = z.object({
  /** A second inbound call is declined as busy (486) instead of ringing as call waiting. */
  singleLine: z.boolean(),
  dtmfMethod: z.enum(DTMF_METHODS),
  /** An unanswered outbound call is cancelled after this long and reported as no answer. */
  ringTimeoutSeconds: z.number().int().min(RING_TIMEOUT_LIMITS.min).max(RING_TIMEOUT_LIMITS.max),
  /**
   * Answers inbound calls by itself when the phone is free: `always` (headset users, IVR-fed
   * queues), `requested` only when the INVITE asks for it (intercom, paging), or `never`.
   */
  autoAnswer: z.enum(AUTO_ANSWER_MODES)
})
export type PhonePreferences = z.infer<typeof phonePreferencesSchema>

export const defaultPhonePreferences: PhonePreferences = {
  singleLine: false,
  dtmfMethod: 'auto',
  ringTimeoutSeconds: 60,
  autoAnswer: 'never'
}

/** Each stored field falls back to its default alone, so one bad value loses nothing else. */
const storedSchema = z.object({
  singleLine: phonePreferencesSchema.shape.singleLine.catch(defaultPhonePreferences.singleLine),
  dtmfMethod: phonePreferencesSchema.shape.dtmfMethod.catch(defaultPhonePreferences.dtmfMethod),
  ringTimeoutSeconds: phonePreferencesSchema.shape.ringTimeoutSeconds.catch(
    defaultPhonePreferences.ringTimeoutSeconds
  ),
  autoAnswer: phonePreferencesSchema.shape.autoAnswer.catch(defaultPhonePreferences.autoAnswer)
})

const readPreferences = parsedByText<PhonePreferences>()

/** Read on every ring. */
export function loadPhonePreferences(storage: Storage = localStorage): PhonePreferences {
  const text = storage.getItem(STORAGE_KEY)
  return readPreferences(storage, text, () => parsePreferences(text))
}

function parsePreferences(text: string | null): PhonePreferences {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text ?? '{}'))
    return parsed.success ? parsed.data : defaultPhonePreferences
  } catch {
    return defaultPhonePreferences
  }
}

export function savePhonePreferences(
  preferences: PhonePreferences,
  storage: Storage = localStorage
): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(phonePreferencesSchema.parse(preferences)))
}

/** Seconds to wait before answering a call by itself, or null to let it ring for the agent. */
export function autoAnswerDelay(
  mode: AutoAnswerMode,
  requestedSeconds: number | undefined
): number | null {
  if (mode === 'always') return requestedSeconds ?? 0
  if (mode === 'requested') return requestedSeconds ?? null
  return null
}
