/**
 * Solo practice: the desk rings itself with a published scenario's persona. The scenario is read
 * from the server when the practice starts (a trainer may have published a newer version), so a
 * practice call always plays the version the server has now.
 */
import type { ScenarioVersion } from '@shared/practice/scenario-api'
import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'
import type { CallController } from '../softphone'
import { pauseForPractice } from './practice-scoring'
import { loadScenario } from './scenario-load'

export type PracticeStart = 'ringing' | 'busy' | 'offline' | { failed: string }

export async function startScenarioPractice(
  calls: CallController,
  scenario: Pick<ScenarioVersion, 'scenarioId' | 'version'>
): Promise<PracticeStart> {
  if (useAppStore.getState().phone.phase !== 'idle') return 'busy'
  const detail = await loadScenario(dataClient(), scenario.scenarioId, scenario.version)
  if (detail.state === 'offline' || detail.state === 'loading') return 'offline'
  if (detail.state === 'failed') return { failed: detail.message }
  // The read took a moment: a call may have rung meanwhile.
  if (useAppStore.getState().phone.phase !== 'idle') return 'busy'
  // The trainee is Not Ready while practising, and reads this call's report, not the last one's.
  pauseForPractice()
  useAppStore.getState().practiceReportClosed()
  calls.startPracticeCall({
    scenarioId: detail.value.scenarioId,
    scenarioVersion: detail.value.version,
    scenario: detail.value.scenario
  })
  return 'ringing'
}
