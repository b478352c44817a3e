import type { RefObject } from 'react'

import { useAppStore } from '@renderer/stores/app-store'
import { useShortcut } from '../../shortcuts'
import { useScriptRunner } from '../script-runner-context'

/** The open run's view, or null when no script step is showing. */
function openView() {
  const view = useAppStore.getState().scriptRun.view
  return view?.status === 'open' ? view : null
}

/**
 * Keyboard-first answers while focus is in the script panel: 1–9 and 0 pick an option, Enter
 * confirms a mandatory line or moves on, Backspace goes back. Typing in a field is left alone
 * (the keyboard map declares them outside text fields, src/shared/keyboard).
 */
export function useScriptKeys(panel: RefObject<HTMLElement | null>): void {
  const runner = useScriptRunner()
  const within = { within: panel }
  useShortcut(
    'script.choose',
    (event) => {
      const view = openView()
      if (!view?.step.ask?.options.length) return false
      const digit = Number(event.key)
      runner.sendScriptEvent({ type: 'chooseOption', index: digit === 0 ? 10 : digit })
    },
    within
  )
  useShortcut(
    'script.next',
    (event) => {
      // A focused button handles Enter itself; a second, global Enter would skip a step.
      if (event.target instanceof HTMLButtonElement) return false
      const view = openView()
      if (!view) return false
      const { step } = view
      if (step.mandatory && step.confirmedAt === null) runner.sendScriptEvent({ type: 'confirm' })
      else if (step.kind === 'end') runner.sendScriptEvent({ type: 'close' })
      else runner.sendScriptEvent({ type: 'next' })
    },
    within
  )
  useShortcut(
    'script.back',
    () => {
      const view = openView()
      if (!view?.canGoBack) return false
      runner.sendScriptEvent({ type: 'back' })
    },
    within
  )
}
