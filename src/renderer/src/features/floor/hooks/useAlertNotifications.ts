import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import type { FloorAlerts } from '@shared/domain/configuration'
import { sanitizeDisplayText } from '@shared/domain/text'

import { createOnsetTracker, type AgentAlerts } from '../floor-alerts'

const supported = () => typeof Notification !== 'undefined'

/**
 * Asks once, on the lead's first visit to the floor, whether the app may show OS notifications;
 * a lead who says no (or a browser without them) simply gets none: the floor still shows all.
 */
export function useNotificationPermission(): void {
  useEffect(() => {
    if (supported() && Notification.permission === 'default') {
      void Notification.requestPermission().catch(() => undefined)
    }
  }, [])
}

/**
 * Tells each new alert as an OS notification while the app is hidden, once per onset (see
 * `createOnsetTracker`): the floor's alerts are recomputed every second, the notification is not.
 */
export function useAlertNotifications(
  agents: readonly AgentAlerts[],
  notify: FloorAlerts['notify']
) {
  const { t } = useTranslation()
  const tracker = useRef(createOnsetTracker())
  useEffect(() => {
    const hidden = document.visibilityState === 'hidden'
    const told = tracker.current.update(agents, { hidden, notify })
    if (told.length === 0 || !supported() || Notification.permission !== 'granted') return
    for (const notice of told) {
      try {
        // The tag folds a repeat of the same onset into one notification on the OS side too.
        new Notification(t(`floor.alerts.${notice.kind}`), {
          body: sanitizeDisplayText(notice.name, 60),
          tag: notice.key
        })
      } catch {
        // A notification the OS refuses is not worth an error: the floor shows the alert.
      }
    }
  }, [agents, notify, t])
}
