/**
 * The worker's typed request dispatcher: validates each request with zod at the edge, runs its
 * handler and answers with a Result. Raw errors never cross: they become AppErrors.
 */
import type { z } from 'zod'

import { appError } from '@shared/contract/errors'
import { fail, ok, type Result } from '@shared/contract/result'
import type { WorkerReply, WorkerRequestName } from '@shared/contract/worker'

import { requestSchemas } from './request-schemas'
import { refuseTypedText } from './request-text-rule'
import type { SessionHost } from './session/session-host'
import { toAppError } from './runtime/worker-error'

type Route<R> = (raw: unknown) => Promise<Result<R>>
export type Routes = { [K in WorkerRequestName]: Route<WorkerReply<K>> }

function route<A, R>(schema: z.ZodType<A>, handler: (args: A) => Promise<R> | R): Route<R> {
  return async (raw) => {
    const parsed = schema.safeParse(raw)
    if (!parsed.success) {
      return fail(appError('invalid_argument', 'invalid request arguments', parsed.error.issues))
    }
    try {
      return ok(await handler(parsed.data))
    } catch (error) {
      return fail(toAppError(error))
    }
  }
}

/** Every request of `DataWorkerHandlers`, bound to the session host. */
export function createRoutes(host: SessionHost): Routes {
  const s = requestSchemas
  return {
    'session:open': route(s['session:open'], (args) => host.open(args)),
    'session:close': route(s['session:close'], async () => {
      await host.close()
      return { closed: true as const }
    }),
    'customer:match': route(s['customer:match'], (args) => host.session.matchCaller(args)),
    'customer:create': route(s['customer:create'], async (args) => ({
      customer: await host.session.createCustomer(args)
    })),
    'customer:get': route(s['customer:get'], ({ id }) => ({
      customer: host.session.store.getCustomer(id)
    })),
    'customer:search': route(s['customer:search'], ({ query, limit, defaultCountry }) => ({
      customers: host.session.store.searchCustomers(query, limit, defaultCountry)
    })),
    'complaint:create': route(s['complaint:create'], async (args) => ({
      complaint: await host.session.createComplaint(args)
    })),
    'complaint:list': route(s['complaint:list'], ({ customerId, limit, filter }) => ({
      complaints: host.session.store.listComplaints(customerId, limit, filter)
    })),
    'complaint:transition': route(s['complaint:transition'], async (args) => ({
      complaint: await host.session.transitionComplaint(args)
    })),
    'complaint:escalate': route(s['complaint:escalate'], async (args) => ({
      complaint: await host.session.escalateComplaint(args)
    })),
    'complaint:assign': route(s['complaint:assign'], async (args) => ({
      complaint: await host.session.assignComplaint(args)
    })),
    'complaint:analysis': route(s['complaint:analysis'], async (args) => ({
      report: await host.session.complaintAnalysis(args)
    })),
    'compensation:grant': route(s['compensation:grant'], async (args) => ({
      compensation: await host.session.grantCompensation(args)
    })),
    'compensation:decide': route(s['compensation:decide'], async (args) => ({
      compensation: await host.session.decideCompensation(args)
    })),
    'compensation:list': route(s['compensation:list'], (query) => ({
      compensations: host.session.store.listCompensations(query)
    })),
    'complaint:note': route(s['complaint:note'], async (args) => ({
      entries: await host.session.addComplaintNote(args)
    })),
    'complaint:update': route(s['complaint:update'], async (args) => ({
      complaint: await host.session.updateComplaint(args)
    })),
    'complaint:resolveConflict': route(s['complaint:resolveConflict'], async (args) => ({
      complaint: await host.session.resolveEditConflict(args)
    })),
    'complaint:timeline': route(s['complaint:timeline'], ({ complaintId }) => ({
      entries: host.session.store.complaintTimeline(complaintId)
    })),
    'interaction:record': route(s['interaction:record'], async (args) => ({
      interaction: await host.session.recordInteraction(args)
    })),
    'scriptRun:record': route(s['scriptRun:record'], async (args) => ({
      id: await host.session.recordScriptRun(args)
    })),
    'script:analytics': route(s['script:analytics'], async (args) => ({
      report: await host.session.scriptAnalytics(args)
    })),
    'interaction:list': route(s['interaction:list'], ({ customerId, limit }) => ({
      interactions: host.session.store.listInteractions(customerId, limit)
    })),
    'complaint:discard': route(s['complaint:discard'], async ({ id }) => ({
      discarded: await host.session.discardComplaint(id)
    })),
    'agentState:record': route(s['agentState:record'], async (args) => ({
      agentState: await host.session.recordAgentState(args)
    })),
    'agentState:current': route(s['agentState:current'], () => ({
      agentState: host.session.store.currentAgentState(host.session.userId)
    })),
    'agentState:latest': route(s['agentState:latest'], () => ({
      agentStates: host.session.store.latestAgentStates(host.session.userId)
    })),
    'disposition:record': route(s['disposition:record'], async (args) => ({
      disposition: await host.session.recordDisposition(args)
    })),
    'disposition:forCall': route(s['disposition:forCall'], ({ callId }) => ({
      disposition: host.session.store.dispositionForCall(callId, host.session.userId)
    })),
    'callback:schedule': route(s['callback:schedule'], async (args) => ({
      callback: await host.session.scheduleCallback(args)
    })),
    'callback:complete': route(s['callback:complete'], async ({ id }) => ({
      callback: await host.session.completeCallback(id)
    })),
    'callback:mine': route(s['callback:mine'], ({ limit }) => ({
      callbacks: host.session.store.myOpenCallbacks(host.session.userId, limit)
    })),
    'config:get': route(s['config:get'], () => host.session.store.configuration()),
    'sync:status': route(s['sync:status'], () => host.session.engine.status()),
    'sync:now': route(s['sync:now'], () => host.session.engine.syncNow()),
    'sync:problems': route(s['sync:problems'], ({ limit }) =>
      host.session.store.syncProblems(limit)
    ),
    'sync:discard': route(s['sync:discard'], async ({ mutationId }) => ({
      discarded: await host.session.discardRejected(mutationId)
    }))
  }
}

/** Runs the request `name` (already checked to be a known name) and answers with a Result. */
export function dispatch(
  routes: Routes,
  name: WorkerRequestName,
  args: unknown
): Promise<Result<unknown>> {
  const refusal = refuseTypedText(name, args)
  if (refusal) return Promise.resolve(fail(refusal))
  return routes[name](args)
}
