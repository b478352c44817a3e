/**
 * The worker's typed request dispatcher: validates each request with zod at the edge, runs its
 * handler and answers with a Result. Raw errors never cross: they become AppErrors. The table
 * joins every capability's requests and must name each request of `DataWorkerHandlers`.
 */
import { appError } from '@shared/contract/errors'
import { fail, ok, type Result } from '@shared/contract/result'
import type { WorkerReply, WorkerRequestName } from '@shared/contract/worker'

import { agentStateRequests } from './agent-state/requests'
import { analyticsRequests } from './analytics/requests'
import { callbackRequests } from './callbacks/requests'
import { compensationRequests } from './compensation/requests'
import { complaintRequests } from './complaints/requests'
import { configurationRequests } from './configuration/requests'
import { customerRequests } from './customers/requests'
import { directoryRequests } from './directory/requests'
import { dispositionRequests } from './dispositions/requests'
import { evaluationRequests } from './evaluations/requests'
import { practiceRequests } from './practice/requests'
import { interactionRequests } from './interactions/requests'
import { monitoringRequests } from './monitoring/requests'
import type { RequestTable } from './request-table'
import { refuseTypedText } from './request-text-rule'
import { toAppError } from './runtime/worker-error'
import { scriptRunRequests } from './script-runs/requests'
import { sessionRequests } from './session/requests'
import type { SessionHost } from './session/session-host'
import { syncRequests } from './sync/requests'
import { whisperRequests } from './whispers/requests'

const requests: RequestTable = {
  ...sessionRequests,
  ...customerRequests,
  ...complaintRequests,
  ...compensationRequests,
  ...interactionRequests,
  ...scriptRunRequests,
  ...analyticsRequests,
  ...agentStateRequests,
  ...dispositionRequests,
  ...callbackRequests,
  ...whisperRequests,
  ...evaluationRequests,
  ...practiceRequests,
  ...monitoringRequests,
  ...configurationRequests,
  ...directoryRequests,
  ...syncRequests
}

export function isRequestName(name: string): name is WorkerRequestName {
  return Object.hasOwn(requests, name)
}

type Route<R> = (raw: unknown) => Promise<Result<R>>
export type Routes = { [K in WorkerRequestName]: Route<WorkerReply<K>> }

function route<K extends WorkerRequestName>(name: K, host: SessionHost): Route<WorkerReply<K>> {
  const entry = requests[name]
  return async (raw) => {
    const parsed = entry.schema.safeParse(raw)
    if (!parsed.success) {
      return fail(appError('invalid_argument', 'invalid request arguments', parsed.error.issues))
    }
    try {
      return ok(await entry.handle(host, parsed.data))
    } catch (error) {
      return fail(toAppError(error))
    }
  }
}

/** Every request of `DataWorkerHandlers`, bound to the session host. */
export function createRoutes(host: SessionHost): Routes {
  const routes: Partial<Record<WorkerRequestName, Route<unknown>>> = {}
  for (const name of Object.keys(requests)) {
    if (isRequestName(name)) routes[name] = route(name, host)
  }
  // Sound: every request of the table got the route built from its own handler.
  return routes as Routes
}

/** Runs the request `name` (already checked to be a known name) and answers with a Result. */
export function dispatch(
  routes: Routes,
  name: WorkerRequestName,
  args: unknown
): Promise<Result<unknown>> {
  const refusal = refuseTypedText(requests[name].text, args)
  if (refusal) return Promise.resolve(fail(refusal))
  return routes[name](args)
}
