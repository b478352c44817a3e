/**
 * Imports parsed customer rows: upsert by external reference (an existing customer keeps its id,
 * so every client's cache updates the same row), value tier computed by the shared rules, every
 * row appended to the change log so clients pull it, and one audit entry for the import.
 */
import { randomUUID } from 'node:crypto'

import type { Customer } from '@shared/domain/customer'
import { valueTier } from '@shared/domain/value-tier'
import type { CountryCode } from '@shared/phone/normalize'
import { writeAudit } from '../../auth/audit-log'
import { upsertCustomers } from '../customer-store'
import type { Db, Queryable } from '../../db/db'
import { headCursor } from '../../sync/change-log'
import { announceChanges } from '../../sync/pull'
import { parseCustomerCsv, type ImportedCustomer, type RowIssue } from './customer-csv'

const BATCH = 1000

export interface ImportReport {
  rows: number
  created: number
  updated: number
  rejected: number
  issues: RowIssue[]
}

export interface ImportActor {
  userId: string | null
  /** For imports that come from outside the API (the CLI), a name saying where from. */
  username: string | null
}

async function existingIds(tx: Queryable, refs: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx.query<{ id: string; external_ref: string }>(
    `SELECT id::text AS id, external_ref FROM customers
     WHERE external_ref IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(refs)]
  )
  return new Map(rows.map((r) => [r.external_ref, r.id]))
}

function toCustomer(row: ImportedCustomer, id: string, now: string): Customer {
  // Products held come from billing systems, not from this import; an update keeps none.
  return { ...row, id, tier: valueTier(row), products: [], updatedAt: now }
}

/** Parses and imports a CSV in one transaction: all valid rows land, or none do. */
export async function importCustomersCsv(
  db: Db,
  text: string,
  country: CountryCode,
  actor: ImportActor
): Promise<ImportReport> {
  const { rows, issues } = parseCustomerCsv(text, country)
  const now = new Date().toISOString()
  let created = 0
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH)
      const known = await existingIds(
        tx,
        batch.map((r) => r.externalRef)
      )
      created += batch.length - known.size
      await upsertCustomers(
        tx,
        batch.map((r) => toCustomer(r, known.get(r.externalRef) ?? randomUUID(), now))
      )
    }
    await writeAudit(tx, {
      action: 'customers.imported',
      actorId: actor.userId,
      actorUsername: actor.username,
      details: { rows: rows.length + issues.length, imported: rows.length, rejected: issues.length }
    })
  })
  if (rows.length > 0) {
    await announceChanges(db, { cursor: await headCursor(db), teams: [null] })
  }
  return {
    rows: rows.length + issues.length,
    created,
    updated: rows.length - created,
    rejected: issues.length,
    issues
  }
}
