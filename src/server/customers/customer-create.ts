/**
 * `customer.create`: an agent records an unknown caller as a new contact. The team and the
 * author come from the access token; the contact is logged for that team only, so it syncs back
 * to the team's clients and nobody else's (practice and other teams never see it).
 */
import { customerFromCreateArgs, type CustomerCreateArgs } from '@shared/domain/customer-create'
import type { AccessClaims } from '../auth/access-tokens'
import { customerChange } from './customer-change'
import { insertCreatedCustomer } from './customer-store'
import type { Queryable } from '../db/db'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'

/** Applies a contact creation inside the caller's transaction. */
export async function applyCustomerCreate(
  tx: Queryable,
  claims: AccessClaims,
  args: CustomerCreateArgs
): Promise<MutationOutcome> {
  if (claims.role === 'trainer') {
    return rejected('forbidden', 'Trainers cannot create production contacts')
  }
  if (claims.teamId === null) {
    return rejected('forbidden', 'Only members of a team can create contacts')
  }
  const existing = await tx.query<{ created_by: string | null }>(
    'SELECT created_by FROM customers WHERE id = $1',
    [args.id]
  )
  const owner = existing[0]
  if (owner) {
    // The same author re-sending under a new mutation id is a retry, not a conflict.
    if (owner.created_by === claims.userId) return { status: 'applied', changes: [] }
    return rejected('conflict', 'A customer with this id already exists')
  }
  const customer = {
    ...customerFromCreateArgs(args),
    // The server's clock dates the record; the client's createdAt is only what it claimed.
    updatedAt: new Date().toISOString()
  }
  await insertCreatedCustomer(tx, customer, { teamId: claims.teamId, createdBy: claims.userId })
  return {
    status: 'applied',
    changes: [customerChange(customer, claims.teamId)]
  }
}
