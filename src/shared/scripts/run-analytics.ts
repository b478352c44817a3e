/**
 * Where a script works and where agents drop off, per script version: runs, completion rate,
 * outcomes, per node how many runs reached it, how many stopped there, and the median time
 * spent on it; and per offer step how often an offer was made and how often it was taken.
 * Pure, so the server's API and the tests compute it the same way.
 */
import { z } from 'zod'

import type { ScriptRunStep } from '../domain/script-run'

export interface RunForAnalytics {
  status: 'closed' | 'abandoned'
  outcome: string | null
  steps: readonly (Pick<ScriptRunStep, 'nodeId' | 'seconds'> &
    Partial<Pick<ScriptRunStep, 'answer' | 'offered'>>)[]
}

export const nodeStatsSchema = z.object({
  nodeId: z.string(),
  /** Runs that reached the node at least once. */
  runs: z.number(),
  /** Abandoned runs whose last step was this node. */
  dropOffs: z.number(),
  dropOffRate: z.number(),
  medianSeconds: z.number()
})
export type NodeStats = z.infer<typeof nodeStatsSchema>

export const offerStatsSchema = z.object({
  nodeId: z.string(),
  /** Times the step had a product to offer (on the runs' final paths). */
  offers: z.number(),
  accepted: z.number(),
  declined: z.number(),
  /** Accepted over offers made; an offer with no answer recorded counts as not taken. */
  acceptanceRate: z.number()
})
export type OfferStats = z.infer<typeof offerStatsSchema>

export const scriptAnalyticsSchema = z.object({
  runs: z.number(),
  closed: z.number(),
  abandoned: z.number(),
  completionRate: z.number(),
  outcomes: z.array(z.object({ code: z.string(), runs: z.number() })),
  /** In the order the nodes were first reached, so the list reads like the script. */
  nodes: z.array(nodeStatsSchema),
  /** Offer steps, in the order first reached. */
  offers: z.array(offerStatsSchema)
})
export type ScriptAnalytics = z.infer<typeof scriptAnalyticsSchema>

/** What the server's analytics API answers: the figures for one script version. */
export const scriptAnalyticsReportSchema = scriptAnalyticsSchema.extend({
  scriptId: z.string(),
  version: z.number(),
  practice: z.boolean()
})
export type ScriptAnalyticsReport = z.infer<typeof scriptAnalyticsReportSchema>

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return 0
  const upper = sorted[mid] ?? 0
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole)

function offerStats(runs: readonly RunForAnalytics[]): OfferStats[] {
  const offers = new Map<string, { offers: number; accepted: number; declined: number }>()
  for (const step of runs.flatMap((r) => r.steps)) {
    if (step.offered === undefined) continue
    const stats = offers.get(step.nodeId) ?? { offers: 0, accepted: 0, declined: 0 }
    stats.offers++
    if (step.answer === 'accepted') stats.accepted++
    else if (step.answer === 'declined') stats.declined++
    offers.set(step.nodeId, stats)
  }
  return [...offers].map(([nodeId, s]) => ({
    nodeId,
    ...s,
    acceptanceRate: ratio(s.accepted, s.offers)
  }))
}

export function scriptAnalytics(runs: readonly RunForAnalytics[]): ScriptAnalytics {
  const nodes = new Map<string, { runs: number; dropOffs: number; seconds: number[] }>()
  const outcomes = new Map<string, number>()
  let closed = 0
  for (const run of runs) {
    if (run.status === 'closed') {
      closed++
      if (run.outcome) outcomes.set(run.outcome, (outcomes.get(run.outcome) ?? 0) + 1)
    }
    // Time on a node adds up over visits within a run (an objection jump and back, say).
    const perRun = new Map<string, number>()
    for (const step of run.steps) {
      perRun.set(step.nodeId, (perRun.get(step.nodeId) ?? 0) + step.seconds)
    }
    for (const [nodeId, seconds] of perRun) {
      const stats = nodes.get(nodeId) ?? { runs: 0, dropOffs: 0, seconds: [] }
      stats.runs++
      stats.seconds.push(seconds)
      nodes.set(nodeId, stats)
    }
    const last = run.steps[run.steps.length - 1]
    if (run.status === 'abandoned' && last) {
      const stats = nodes.get(last.nodeId)
      if (stats) stats.dropOffs++
    }
  }
  return {
    runs: runs.length,
    closed,
    abandoned: runs.length - closed,
    completionRate: ratio(closed, runs.length),
    outcomes: [...outcomes]
      .map(([code, count]) => ({ code, runs: count }))
      .sort((a, b) => b.runs - a.runs || a.code.localeCompare(b.code)),
    nodes: [...nodes].map(([nodeId, s]) => ({
      nodeId,
      runs: s.runs,
      dropOffs: s.dropOffs,
      dropOffRate: ratio(s.dropOffs, s.runs),
      medianSeconds: median(s.seconds)
    })),
    offers: offerStats(runs)
  }
}
