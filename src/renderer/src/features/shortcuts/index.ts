/**
 * The one keyboard map in the window: shortcuts bound by their registry id
 * (src/shared/keyboard), the sheet that lists them on `?`, and the helpers that spell them.
 */
export { useShortcut, type ShortcutOptions } from './hooks/useShortcut'
export { ShortcutSheet } from './components/ShortcutSheet'
export {
  caseToolShortcuts,
  useWorkspaceShortcuts,
  workspaceShortcuts
} from './hooks/useWorkspaceShortcuts'
export { ariaKeyShortcuts, formatChord, formatShortcut, isShortcut, keyCapText } from './format'
export { currentPlatform } from './platform'
export type { ShortcutId } from '@shared/keyboard'
