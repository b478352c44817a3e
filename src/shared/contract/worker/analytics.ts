/**
 * Reports the worker reads straight from the server.
 */
import type { ComplaintAnalysisReport } from '../../domain/complaint-analysis'
import type { ScriptAnalyticsReport } from '../../scripts/run-analytics'

/** The analytics requests. */
export interface AnalyticsRequests {
  /** The complaint analysis from the server (leads: their team; admins: all or one team). */
  'complaint:analysis': (args: { from: string; to: string; teamId: string | null }) => {
    report: ComplaintAnalysisReport
  }
  /** A script version's analytics from the server (leads: their team; trainers: practice). */
  'script:analytics': (args: { scriptId: string; version: number; practice: boolean }) => {
    report: ScriptAnalyticsReport
  }
}
