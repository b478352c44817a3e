/**
 * The configuration pulled from the server, as the worker answers it.
 */
import type {
  CompensationLimits,
  ComplaintCategoryConfig,
  DirectoryUser,
  DispositionCode,
  FloorAlerts,
  PauseReason,
  Team
} from '../../domain/configuration'
import type { PublishedScript } from '../../domain/published-script'
import type { MonitoringPolicy } from '../../monitoring/monitoring-policy'

/** The configuration pulled from the server (read-only in the app). */
export interface ConfigurationSnapshot {
  dispositionCodes: DispositionCode[]
  pauseReasons: PauseReason[]
  complaintCategories: ComplaintCategoryConfig[]
  /** Null until the first pull brought it. */
  compensationLimits: CompensationLimits | null
  /** Null until an admin set them or the seed published them: the floor then uses the defaults. */
  floorAlerts: FloorAlerts | null
  /** Null until an admin set it: desks then use `DEFAULT_MONITORING_POLICY`. */
  monitoringPolicy: MonitoringPolicy | null
  /** Agents: their team's users (and users without a team); leads: their team; admins: all. */
  users: DirectoryUser[]
  teams: Team[]
  /** The highest published version of each script on the server (source text, unparsed). */
  scripts: PublishedScript[]
}

/** The configuration request. */
export interface ConfigurationRequests {
  /** The configuration as last pulled. */
  'config:get': (args: Record<string, never>) => ConfigurationSnapshot
}
