/**
 * The data worker's requests: every capability's, in one map. Results always cross as a
 * `Result`; raw Error objects never cross.
 */
import type { AgentStateRequests } from './agent-state'
import type { AnalyticsRequests } from './analytics'
import type { CallbackRequests } from './callbacks'
import type { CompensationRequests } from './compensation'
import type { ComplaintRequests } from './complaints'
import type { ConfigurationRequests } from './configuration'
import type { CustomerRequests } from './customers'
import type { DirectoryRequests } from './directory'
import type { DispositionRequests } from './dispositions'
import type { EvaluationRequests } from './evaluations'
import type { InteractionRequests } from './interactions'
import type { MonitoringRequests } from './monitoring'
import type { PracticeRequests } from './practice'
import type { ScriptRunRequests } from './script-runs'
import type { SessionRequests } from './session'
import type { SyncRequests } from './sync'
import type { WhisperRequests } from './whispers'

/** Every request the page may send the worker: its arguments and its reply. */
export interface DataWorkerHandlers
  extends
    SessionRequests,
    CustomerRequests,
    ComplaintRequests,
    CompensationRequests,
    InteractionRequests,
    ScriptRunRequests,
    AnalyticsRequests,
    AgentStateRequests,
    DispositionRequests,
    CallbackRequests,
    ConfigurationRequests,
    DirectoryRequests,
    WhisperRequests,
    MonitoringRequests,
    EvaluationRequests,
    PracticeRequests,
    SyncRequests {}

export type WorkerRequestName = keyof DataWorkerHandlers
export type WorkerArgs<K extends WorkerRequestName> = Parameters<DataWorkerHandlers[K]>[0]
export type WorkerReply<K extends WorkerRequestName> = ReturnType<DataWorkerHandlers[K]>
