/**
 * The change-log entry of a written customer: the customer itself for paged pulls, and its
 * client cache row for the bulk pull (computed here once, not by every client that loads it).
 */
import type { Customer } from '@shared/domain/customer'
import { customerCacheRow } from '@shared/sync/customer-cache-row'
import type { NewChange } from '../sync/change-log'

export function customerChange(c: Customer, teamId: string | null): NewChange {
  return {
    entity: 'customer',
    entityId: c.id,
    teamId,
    data: c,
    cacheRow: JSON.stringify(customerCacheRow(c))
  }
}
