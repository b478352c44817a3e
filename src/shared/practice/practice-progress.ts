/**
 * What a trainer reads from a trainee's scored practice sessions: certification per scenario
 * and the points missed most often. Pure, so the server's answers and their rules are tested
 * without a database.
 */
import type { PracticeReport } from './practice-score'
import { certificationRule, type WeakItem } from './progress-api'

export interface ScoredSession {
  traineeId: string
  scenarioId: string
  scenarioVersion: number
  scriptId: string
  endedAt: string
  percent: number
  passed: boolean
}

export interface CertificationState {
  passes: number
  required: number
  certified: boolean
  certifiedAt: string | null
  best: number | null
}

/** A pass that counts toward certification: passed, and at the rule's percent or more. */
export const countsForCertification = (s: Pick<ScoredSession, 'passed' | 'percent'>): boolean =>
  s.passed && s.percent >= certificationRule.minPercent

/** One trainee's certification on one scenario, from that trainee's sessions of it. */
export function certificationOf(
  sessions: readonly Pick<ScoredSession, 'scenarioVersion' | 'endedAt' | 'percent' | 'passed'>[],
  currentVersion: number
): CertificationState {
  const current = sessions
    .filter((s) => s.scenarioVersion === currentVersion)
    .sort((a, b) => a.endedAt.localeCompare(b.endedAt))
  const passes = current.filter(countsForCertification)
  const certifying = passes[certificationRule.passes - 1]
  return {
    passes: passes.length,
    required: certificationRule.passes,
    certified: certifying !== undefined,
    certifiedAt: certifying?.endedAt ?? null,
    best: current.length === 0 ? null : Math.max(...current.map((s) => s.percent))
  }
}

/**
 * The scored points missed most, over `sessions`: per scenario, kind and step. Unscored items
 * (time) are left out. Ordered by the share of attempts missed, then by how many trainees
 * missed it, then by misses.
 */
export function weakestItems(
  sessions: readonly (Pick<ScoredSession, 'traineeId' | 'scenarioId' | 'scriptId'> & {
    report: Pick<PracticeReport, 'items'>
  })[],
  limit = 10
): WeakItem[] {
  const byKey = new Map<string, WeakItem & { who: Set<string> }>()
  for (const session of sessions) {
    for (const item of session.report.items) {
      if (item.weight === 0) continue
      const key = `${session.scenarioId}\n${item.kind}\n${item.nodeId ?? ''}`
      let weak = byKey.get(key)
      if (!weak) {
        weak = {
          scenarioId: session.scenarioId,
          scriptId: session.scriptId,
          kind: item.kind,
          nodeId: item.nodeId,
          misses: 0,
          attempts: 0,
          trainees: 0,
          who: new Set()
        }
        byKey.set(key, weak)
      }
      weak.attempts += 1
      if (!item.passed) {
        weak.misses += 1
        weak.who.add(session.traineeId)
      }
    }
  }
  return [...byKey.values()]
    .filter((w) => w.misses > 0)
    .map(({ who, ...weak }) => ({ ...weak, trainees: who.size }))
    .sort(
      (a, b) =>
        b.misses / b.attempts - a.misses / a.attempts ||
        b.trainees - a.trainees ||
        b.misses - a.misses
    )
    .slice(0, limit)
}
