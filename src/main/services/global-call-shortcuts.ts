/**
 * Call control from anywhere on the desktop: an agent typing in the CRM or a ticket answers,
 * hangs up, mutes and holds without switching windows. The accelerators use Ctrl/Cmd+Alt so
 * they do not steal a key a text field needs; one another application already owns is skipped
 * and logged, never fought over.
 */
import { callShortcutActions, type CallShortcutAction } from '@shared/contract/desktop-api'
import { electronAccelerator, globalCallShortcutIds, shortcut } from '@shared/keyboard'
import { createLogger, type Logger } from '../logger'

/** The action's accelerator, from the one keyboard map (src/shared/keyboard) the sheet shows. */
export function acceleratorOf(action: CallShortcutAction): string {
  const [chord] = shortcut(globalCallShortcutIds[action]).keys
  if (!chord) throw new Error(`no chord for the global shortcut ${action}`)
  return electronAccelerator(chord)
}

export const globalCallShortcuts: Readonly<Record<CallShortcutAction, string>> = {
  answer: acceleratorOf('answer'),
  hangUp: acceleratorOf('hangUp'),
  mute: acceleratorOf('mute'),
  hold: acceleratorOf('hold')
}

/** The part of Electron's `globalShortcut` this service uses. */
export interface GlobalShortcutRegistry {
  register(accelerator: string, callback: () => void): boolean
  unregister(accelerator: string): void
}

/** Registers every shortcut it can; returns the function that releases them (on quit). */
export function registerGlobalCallShortcuts(
  registry: GlobalShortcutRegistry,
  send: (action: CallShortcutAction) => void,
  log: Logger = createLogger('global-shortcuts')
): () => void {
  const registered: string[] = []
  for (const action of callShortcutActions) {
    const accelerator = globalCallShortcuts[action]
    const ok = registry.register(accelerator, () => {
      send(action)
    })
    if (ok) registered.push(accelerator)
    else log.warn('shortcut taken by another application', { accelerator, action })
  }
  return () => {
    for (const accelerator of registered.splice(0)) registry.unregister(accelerator)
  }
}
