import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { LocalCallback } from '@shared/contract/worker'
import { callbacksComingDue } from '@shared/domain/callback-due'
import { sanitizeDisplayText } from '@shared/domain/text'

type CallbackReminderProps = { callbacks: readonly LocalCallback[]; now: Date }

/** An in-app alert for each callback whose time has come, until the agent acknowledges it. */
export function CallbackReminder({ callbacks, now }: CallbackReminderProps) {
  const { t } = useTranslation()
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set())
  const due = callbacksComingDue(callbacks, now).filter((c) => !acknowledged.has(c.id))
  const next = due[0]
  if (!next) return null
  const who = sanitizeDisplayText(next.contactName || next.phoneE164, 80)
  return (
    <div role="alert" className="reminder">
      <p>{t('callbacks.reminder', { who, count: due.length })}</p>
      <button
        type="button"
        onClick={() => {
          setAcknowledged((s) => new Set([...s, next.id]))
        }}
      >
        {t('callbacks.acknowledge')}
      </button>
    </div>
  )
}
