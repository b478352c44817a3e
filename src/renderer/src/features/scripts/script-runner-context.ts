/** The app's script runner, handed to the script panel and its parts through context. */
import { createContext, useContext } from 'react'

import type { ScriptRunner } from './script-runner'

const ScriptRunnerContext = createContext<ScriptRunner | null>(null)

export const ScriptRunnerProvider = ScriptRunnerContext.Provider

export function useScriptRunner(): ScriptRunner {
  const runner = useContext(ScriptRunnerContext)
  if (!runner) throw new Error('useScriptRunner() outside a ScriptRunnerProvider')
  return runner
}
