/**
 * Where a shortcut works. Two shortcuts may share a chord only in contexts that can never be
 * active at the same time; this table says which can, and the registry's test holds it to that.
 */

export const shortcutContexts = [
  // Electron globalShortcut: the whole computer, only in the desktop edition.
  'global-os',
  // Anywhere in the window: navigation, the shortcut sheet, the agent's state.
  'app',
  // The call bar, which follows the person into every workspace.
  'call',
  // The customer search in the top bar.
  'search',
  // The complaint list view and its filters.
  'complaints',
  // Focus inside the script panel.
  'script',
  // Focus in a case form (complaint, note, compensation, wrap-up).
  'case-form',
  // A modal dialog is open (focus is trapped inside it).
  'dialog'
] as const
export type ShortcutContext = (typeof shortcutContexts)[number]

interface ContextRule {
  /** Contexts this one can be active together with; 'all' for those that are always on. */
  readonly activeWith: 'all' | readonly ShortcutContext[]
}

/**
 * The focus contexts (script, case form, dialog) are where the focus is, so the script panel
 * excludes the other two; a case form may sit inside a dialog. The rest are on screen together.
 */
export const contextRules: Readonly<Record<ShortcutContext, ContextRule>> = {
  'global-os': { activeWith: 'all' },
  app: { activeWith: 'all' },
  call: { activeWith: 'all' },
  search: { activeWith: 'all' },
  complaints: { activeWith: 'all' },
  script: { activeWith: [] },
  'case-form': { activeWith: ['dialog'] },
  dialog: { activeWith: ['case-form'] }
}

/** Whether a and b can be active at once (symmetric: either side may declare it). */
export function canBeActiveTogether(a: ShortcutContext, b: ShortcutContext): boolean {
  if (a === b) return true
  const declares = (x: ShortcutContext, y: ShortcutContext) => {
    const rule = contextRules[x].activeWith
    return rule === 'all' || rule.includes(y)
  }
  return declares(a, b) || declares(b, a)
}
