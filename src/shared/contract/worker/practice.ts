/**
 * Practice scenarios, read from the server (online only): the published ones every desk may
 * run, and one version whole.
 */
import type { ScenarioVersion, ScenarioVersionDetail } from '../../practice/scenario-api'

export interface PracticeRequests {
  /** The latest published version of each scenario not retired. */
  'practice:scenarios': (args: Record<string, never>) => { scenarios: ScenarioVersion[] }
  /** One version with its parsed scenario. */
  'practice:scenario': (args: { scenarioId: string; version: number }) => {
    scenario: ScenarioVersionDetail
  }
}
