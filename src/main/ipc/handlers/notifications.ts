/** IPC handler for desktop notifications (a ringing call while the window is hidden). */
import type { IpcImpls } from '../handle'

/** The part of Electron's Notification we use. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown
  show(): void
}

export interface NotificationDeps {
  isSupported(): boolean
  create(options: { title: string; body: string }): NotificationLike
  /** Shows, restores and focuses the main window. */
  focusWindow(): void
}

// Electron drops click handlers of notifications that were garbage-collected, so live ones are
// kept here until closed or clicked; the cap bounds the set when 'close' never fires.
const MAX_LIVE = 20

/** The `notify:show` channel. */
export function notificationImpls(deps: NotificationDeps): Pick<IpcImpls, 'notify:show'> {
  const live = new Set<NotificationLike>()
  return {
    'notify:show': ({ title, body, focusOnClick }) => {
      if (!deps.isSupported()) return { shown: false }
      const notification = deps.create({ title, body })
      const forget = (): void => {
        live.delete(notification)
      }
      notification.on('click', () => {
        forget()
        if (focusOnClick) deps.focusWindow()
      })
      notification.on('close', forget)
      live.add(notification)
      if (live.size > MAX_LIVE) {
        const oldest = live.values().next()
        if (oldest.done !== true) live.delete(oldest.value)
      }
      notification.show()
      return { shown: true }
    }
  }
}
