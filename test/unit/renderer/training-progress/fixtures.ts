/** Progress answers as the server sends them, on the complaint-intake script's steps. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import type {
  Certification,
  CohortProgress,
  PracticeSessionDetail,
  PracticeSessionSummary,
  TraineeProgress
} from '@shared/practice/progress-api'
import type { ProgressLabels } from '@renderer/features/training-progress/progress-labels'
import { parseScript } from '@shared/scripts/script-source'

const parsed = parseScript(
  readFileSync(
    join(import.meta.dirname, '../../../../resources/scripts/complaint-intake.yaml'),
    'utf8'
  )
)
if (!parsed.ok) throw new Error('complaint-intake does not parse')
export const script = parsed.script

export const labels: ProgressLabels = {
  scripts: (id) => (id === 'complaint-intake' ? script : null),
  categories: [],
  dispositions: []
}

export const HOSTILE = '<img src=x onerror=alert(1)>'
export const ids = {
  cohort: '00000000-0000-4000-8000-000000000001',
  trainer: '00000000-0000-4000-8000-000000000002',
  ana: '00000000-0000-4000-8000-000000000003',
  hostile: '00000000-0000-4000-8000-000000000004',
  s1: '00000000-0000-4000-8000-000000000011',
  s2: '00000000-0000-4000-8000-000000000012'
}

const title = { es: 'Recuperar a una clienta', en: 'Win back a customer' }
const ana = { id: ids.ana, displayName: 'Ana Pérez', team: 'Equipo Norte' }
const hostile = { id: ids.hostile, displayName: HOSTILE, team: null }

export const cohort = {
  id: ids.cohort,
  name: 'Cohorte de marzo',
  trainerId: ids.trainer,
  trainerName: 'Tomás',
  trainees: [ana, hostile]
}

const cert = (over: Partial<Certification> = {}): Certification => ({
  scenarioId: 'win-back',
  scenarioTitle: title,
  currentVersion: 2,
  passes: 2,
  required: 3,
  certified: false,
  certifiedAt: null,
  best: 85,
  ...over
})

const weakStep = {
  scenarioId: 'win-back',
  scriptId: 'complaint-intake',
  kind: 'mandatory_step',
  nodeId: 'acknowledge',
  misses: 3,
  attempts: 4,
  trainees: 2
} as const

export const cohortProgress: CohortProgress = {
  cohort,
  rows: [
    {
      trainee: ana,
      sessions: 4,
      lastAt: '2026-03-10T10:00:00.000Z',
      lastPercent: 91.5,
      averagePercent: 82,
      certified: 1
    },
    {
      trainee: hostile,
      sessions: 0,
      lastAt: null,
      lastPercent: null,
      averagePercent: null,
      certified: 0
    }
  ],
  scenarios: [
    { scenarioId: 'win-back', version: 2, title },
    { scenarioId: 'survey', version: 1, title: { es: 'Encuesta', en: 'Survey' } }
  ],
  certifications: [
    {
      ...cert({ certified: true, passes: 3, certifiedAt: '2026-03-10T10:00:00.000Z' }),
      traineeId: ids.ana
    },
    { ...cert({ scenarioId: 'survey', passes: 2, best: 84.5 }), traineeId: ids.ana }
  ],
  weakest: [
    weakStep,
    {
      scenarioId: 'win-back',
      scriptId: 'complaint-intake',
      kind: 'complaint_category',
      nodeId: null,
      misses: 1,
      attempts: 4,
      trainees: 1
    },
    {
      scenarioId: 'win-back',
      scriptId: 'complaint-intake',
      kind: 'branch',
      nodeId: 'gone-node',
      misses: 1,
      attempts: 4,
      trainees: 1
    }
  ]
}

const session = (over: Partial<PracticeSessionSummary>): PracticeSessionSummary => ({
  id: ids.s1,
  traineeId: ids.ana,
  traineeName: 'Ana Pérez',
  scenarioId: 'win-back',
  scenarioVersion: 2,
  scenarioTitle: title,
  scriptId: 'complaint-intake',
  mode: 'solo',
  endedAt: '2026-03-10T10:00:00.000Z',
  percent: 91.5,
  passed: true,
  criticalFailures: 0,
  ...over
})

export const traineeProgress: TraineeProgress = {
  trainee: ana,
  feedback: [],
  sessions: [
    session({}),
    session({
      id: ids.s2,
      mode: 'roleplay',
      endedAt: '2026-03-09T10:00:00.000Z',
      percent: 62,
      passed: false,
      criticalFailures: 1
    })
  ],
  weakest: [weakStep],
  certifications: [
    cert({ certified: true, passes: 3, certifiedAt: '2026-03-10T10:00:00.000Z', best: 91.5 }),
    cert({
      scenarioId: 'survey',
      scenarioTitle: { es: 'Encuesta', en: 'Survey' },
      passes: 1,
      best: 70
    })
  ]
}

export const sessionDetail: PracticeSessionDetail = {
  ...session({ id: ids.s2, percent: 62, passed: false, criticalFailures: 1 }),
  report: {
    items: [
      {
        kind: 'mandatory_step',
        nodeId: 'acknowledge',
        passed: false,
        points: 0,
        weight: 3,
        critical: true,
        expected: 'confirmed',
        actual: 'not_confirmed'
      },
      {
        kind: 'disposition',
        nodeId: null,
        passed: true,
        points: 2,
        weight: 2,
        critical: false,
        expected: 'complaint-escalated',
        actual: 'complaint-escalated'
      },
      {
        kind: 'time',
        nodeId: 'category',
        passed: true,
        points: 0,
        weight: 0,
        critical: false,
        expected: 30,
        actual: 20
      }
    ],
    points: 2,
    possible: 5,
    percent: 40,
    threshold: 70,
    passed: false,
    criticalFailures: []
  }
}
