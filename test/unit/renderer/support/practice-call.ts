/** A practice call's scenario for renderer tests: the win-back sample, as the server sends it. */
import { parse } from 'yaml'

import winBackSource from '@resources/practice-scenarios/win-back-high-value.yaml?raw'
import { scenarioSchema } from '@shared/practice'
import type { PracticeCallScenario } from '@renderer/telephony/call-session'

export const winBackScenario = scenarioSchema.parse(parse(winBackSource))

export const winBackCall: PracticeCallScenario = {
  scenarioId: winBackScenario.id,
  scenarioVersion: winBackScenario.version,
  scenario: winBackScenario
}
