/**
 * The whole preload surface: what only a desktop can do. The browser edition implements the
 * same interface with web fallbacks (OPFS, Web Notifications), so the renderer codes against
 * this interface only.
 */
import type { Result } from './result'

export interface NotificationRequest {
  title: string
  body: string
  /** Bring the window to the front when the notification is clicked (a ringing call). */
  focusOnClick: boolean
}

/** Call controls the desktop edition also offers as system-wide shortcuts. */
export const callShortcutActions = ['answer', 'hangUp', 'mute', 'hold'] as const
export type CallShortcutAction = (typeof callShortcutActions)[number]

export interface AppInfo {
  version: string
  platform: 'win32' | 'darwin' | 'linux' | 'browser'
}

export interface DesktopApi {
  /** Append bytes to a durable file and fdatasync before resolving. */
  appendDurable(args: { file: string; data: Uint8Array }): Promise<Result<{ size: number }>>
  /** Read a whole durable file; a missing file reads as empty. */
  readDurable(args: { file: string }): Promise<Result<{ data: Uint8Array }>>
  /** Atomically replace a durable file (temp file, fsync, rename). */
  replaceDurable(args: { file: string; data: Uint8Array }): Promise<Result<{ size: number }>>
  /** Delete a durable file if it exists. */
  removeDurable(args: { file: string }): Promise<Result<{ removed: boolean }>>
  /** List durable files whose names start with a prefix. */
  listDurable(args: { prefix: string }): Promise<Result<{ files: string[] }>>
  /** Store a secret in the OS keychain (safeStorage); the browser edition keeps it per origin. */
  setSecret(args: { key: string; value: string }): Promise<Result<{ stored: true }>>
  getSecret(args: { key: string }): Promise<Result<{ value: string | null }>>
  deleteSecret(args: { key: string }): Promise<Result<{ deleted: boolean }>>
  showNotification(args: NotificationRequest): Promise<Result<{ shown: boolean }>>
  appInfo(): Promise<Result<AppInfo>>
  /** Subscribe to tel:/sip: links opened while the app runs; returns an unsubscribe function. */
  onDialRequest(listener: (payload: { uri: string }) => void): () => void
  /** Subscribe to the system-wide call shortcuts (none in the browser edition). */
  onCallShortcut(listener: (payload: { action: CallShortcutAction }) => void): () => void
}
