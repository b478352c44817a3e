import { useEffect, type RefObject } from 'react'

import { useAppStore } from '@renderer/stores/app-store'
import { useScriptRunner } from '../script-runner-context'

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
}

/**
 * Keyboard-first answers while focus is in the script panel: 1–9 and 0 pick an option, Enter
 * confirms a mandatory line or moves on, Backspace goes back. Typing in a field is left alone.
 */
export function useScriptKeys(panel: RefObject<HTMLElement | null>): void {
  const runner = useScriptRunner()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
      if (!(event.target instanceof Node) || !panel.current?.contains(event.target)) return
      // A focused button handles Enter itself; a second, global Enter would skip a step.
      if (event.target instanceof HTMLButtonElement && event.key === 'Enter') return
      const view = useAppStore.getState().scriptRun.view
      if (!view || view.status !== 'open') return
      const { step } = view
      if (/^[0-9]$/.test(event.key) && step.ask?.options.length) {
        const digit = Number(event.key)
        runner.sendScriptEvent({ type: 'chooseOption', index: digit === 0 ? 10 : digit })
      } else if (event.key === 'Enter') {
        if (step.mandatory && step.confirmedAt === null) runner.sendScriptEvent({ type: 'confirm' })
        else if (step.kind === 'end') runner.sendScriptEvent({ type: 'close' })
        else runner.sendScriptEvent({ type: 'next' })
      } else if (event.key === 'Backspace' && view.canGoBack) {
        runner.sendScriptEvent({ type: 'back' })
      } else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
    }
  }, [panel, runner])
}
