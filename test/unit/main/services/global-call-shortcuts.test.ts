/**
 * Electron's globalShortcut cannot run here (no Electron binary), so the registry is a fake that
 * records registrations and lets a test press a shortcut or pretend another app owns one.
 */
import { describe, expect, it } from 'vitest'

import type { Logger } from '@main/logger'
import {
  globalCallShortcuts,
  registerGlobalCallShortcuts,
  type GlobalShortcutRegistry
} from '@main/services/global-call-shortcuts'
import { callShortcutActions, type CallShortcutAction } from '@shared/contract/desktop-api'
import { electronAccelerator, globalCallShortcutIds, shortcut } from '@shared/keyboard'

function fakeRegistry(takenByOthers: readonly string[] = []) {
  const callbacks = new Map<string, () => void>()
  const unregistered: string[] = []
  const registry: GlobalShortcutRegistry = {
    register: (accelerator, callback) => {
      if (takenByOthers.includes(accelerator) || callbacks.has(accelerator)) return false
      callbacks.set(accelerator, callback)
      return true
    },
    unregister: (accelerator) => {
      unregistered.push(accelerator)
      callbacks.delete(accelerator)
    }
  }
  return {
    registry,
    callbacks,
    unregistered,
    press: (accelerator: string) => callbacks.get(accelerator)?.()
  }
}

function recordingLog() {
  const warnings: unknown[][] = []
  const log: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (...args: unknown[]) => warnings.push(args),
    error: () => undefined
  }
  return { log, warnings }
}

describe('global call shortcuts', () => {
  it('take their accelerators from the keyboard map, as Electron spells them', () => {
    for (const action of callShortcutActions) {
      const chords = shortcut(globalCallShortcutIds[action]).keys.map(electronAccelerator)
      expect(chords).toEqual([globalCallShortcuts[action]])
    }
    expect(globalCallShortcuts).toEqual({
      answer: 'CommandOrControl+Alt+A',
      hangUp: 'CommandOrControl+Alt+H',
      mute: 'CommandOrControl+Alt+M',
      hold: 'CommandOrControl+Alt+O'
    })
  })

  it('sends the action of the shortcut pressed, and releases every one on quit', () => {
    const { registry, callbacks, press } = fakeRegistry()
    const sent: CallShortcutAction[] = []
    const release = registerGlobalCallShortcuts(registry, (a) => sent.push(a), recordingLog().log)
    expect([...callbacks.keys()].sort()).toEqual(Object.values(globalCallShortcuts).sort())
    press('CommandOrControl+Alt+A')
    press('CommandOrControl+Alt+M')
    press('CommandOrControl+Alt+O')
    press('CommandOrControl+Alt+H')
    expect(sent).toEqual(['answer', 'mute', 'hold', 'hangUp'])
    release()
    expect(callbacks.size).toBe(0)
  })

  it('skips and logs a shortcut another application owns, keeping the rest', () => {
    const { registry, callbacks, unregistered } = fakeRegistry(['CommandOrControl+Alt+M'])
    const { log, warnings } = recordingLog()
    const release = registerGlobalCallShortcuts(registry, () => undefined, log)
    expect(callbacks.has('CommandOrControl+Alt+M')).toBe(false)
    expect(callbacks.size).toBe(3)
    expect(warnings).toEqual([
      [
        'shortcut taken by another application',
        { accelerator: 'CommandOrControl+Alt+M', action: 'mute' }
      ]
    ])
    // Releasing never unregisters what another application owns.
    release()
    expect(unregistered.sort()).toEqual([
      'CommandOrControl+Alt+A',
      'CommandOrControl+Alt+H',
      'CommandOrControl+Alt+O'
    ])
  })
})
