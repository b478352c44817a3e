/**
 * The life of a complaint, validated the same way on the client (to offer only what is allowed)
 * and on the server (so a tampered client cannot skip a step).
 *
 * ```
 *   open ──start──▶ in_progress ──await_customer──▶ awaiting_customer
 *    │                 ▲   │                              │
 *    │                 │   └──────resolve──────┐          │ customer_replied → in_progress
 *    └──────resolve────┼───────────────────────▼──────────┘ resolve
 *                      │                    resolved ──close──▶ closed
 *                      └──────reopen────────────┘◀──reopen───────┘
 * ```
 * Escalation and assignment are not statuses: they change who owns the case, in any status
 * before closed.
 */
import type { Role } from './user'

export const lifecycleStatuses = [
  'open',
  'in_progress',
  'awaiting_customer',
  'resolved',
  'closed'
] as const
export type LifecycleStatus = (typeof lifecycleStatuses)[number]

export const lifecycleActions = [
  'start',
  'await_customer',
  'customer_replied',
  'resolve',
  'close',
  'reopen'
] as const
export type LifecycleAction = (typeof lifecycleActions)[number]

const moves: Record<LifecycleAction, { from: readonly LifecycleStatus[]; to: LifecycleStatus }> = {
  start: { from: ['open'], to: 'in_progress' },
  await_customer: { from: ['open', 'in_progress'], to: 'awaiting_customer' },
  customer_replied: { from: ['awaiting_customer'], to: 'in_progress' },
  resolve: { from: ['open', 'in_progress', 'awaiting_customer'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  reopen: { from: ['resolved', 'closed'], to: 'in_progress' }
}

/** Who may take each action: closing and reopening a closed case is a lead's decision. */
const rolesFor: Record<LifecycleAction, readonly Role[]> = {
  start: ['agent', 'team_lead', 'admin'],
  await_customer: ['agent', 'team_lead', 'admin'],
  customer_replied: ['agent', 'team_lead', 'admin'],
  resolve: ['agent', 'team_lead', 'admin'],
  close: ['team_lead', 'admin'],
  reopen: ['agent', 'team_lead', 'admin']
}

export type TransitionRefusal = 'not_allowed_from_status' | 'role_not_allowed'

export type TransitionResult =
  { ok: true; to: LifecycleStatus } | { ok: false; reason: TransitionRefusal }

export function lifecycleTransition(
  from: LifecycleStatus,
  action: LifecycleAction,
  role: Role
): TransitionResult {
  const move = moves[action]
  if (!move.from.includes(from)) return { ok: false, reason: 'not_allowed_from_status' }
  // An agent may reopen what is merely resolved (the customer called back); a closed case
  // reopens only with a lead.
  const roles = action === 'reopen' && from === 'closed' ? rolesFor.close : rolesFor[action]
  if (!roles.includes(role)) return { ok: false, reason: 'role_not_allowed' }
  return { ok: true, to: move.to }
}

/** The actions `role` can take on a complaint in `status`, for the buttons to offer. */
export function availableActions(status: LifecycleStatus, role: Role): LifecycleAction[] {
  return lifecycleActions.filter((a) => lifecycleTransition(status, a, role).ok)
}

/** Statuses whose SLA clock runs; a resolved or closed case no longer counts against it. */
export function countsAgainstSla(status: LifecycleStatus): boolean {
  return status === 'open' || status === 'in_progress' || status === 'awaiting_customer'
}
