/** The bundled samples as the server would answer them (the samples are what it seeds). */
import {
  scenarioVersionSchema,
  type ScenarioVersion,
  type ScenarioVersionDetail
} from '@shared/practice/scenario-api'

import { sample } from '../../../shared/practice/support'

export function detailOf(name: string): ScenarioVersionDetail {
  const { scenario } = sample(name)
  return {
    scenarioId: scenario.id,
    version: scenario.version,
    title: scenario.title,
    summary: scenario.summary,
    script: scenario.script,
    persona: `${scenario.persona.firstName} ${scenario.persona.lastName}`.trim(),
    status: 'published',
    retired: false,
    uploadedAt: '2026-12-06T10:00:00.000Z',
    uploadedBy: 'Atiende',
    publishedAt: '2026-12-06T10:00:00.000Z',
    source: '',
    scenario
  }
}

export function versionOf(name: string): ScenarioVersion {
  return scenarioVersionSchema.parse(detailOf(name))
}
