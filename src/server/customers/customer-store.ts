/**
 * Writes and reads customers. Every write also appends the customer to the change log with no
 * team, so every client's initial load streams it.
 */
import type { Customer } from '@shared/domain/customer'
import { customerSchema } from '@shared/domain/customer'
import type { Queryable } from '../db/db'
import { appendChanges, type Visibility } from '../sync/change-log'

import { customerChange } from './customer-change'

/**
 * Inserts or replaces `customers` in one set-based statement per table.
 *
 * @remarks Rows travel as one JSON parameter (`jsonb_to_recordset`) rather than thousands of bind
 * parameters: one round trip per batch on both engines.
 */
export async function upsertCustomers(
  tx: Queryable,
  customers: readonly Customer[]
): Promise<void> {
  if (customers.length === 0) return
  await tx.query(
    `INSERT INTO customers (id, external_ref, first_name, last_name, document_id,
       preferred_language, recency_days, frequency_12m, monetary_12m, lifetime_value, tier,
       do_not_call, notes, data, updated_at)
     SELECT c."id", c."externalRef", c."firstName", c."lastName", c."documentId",
       c."preferredLanguage", c."recencyDays", c."frequency12m", c."monetary12m",
       c."lifetimeValue", c."tier", c."doNotCall", c."notes",
       jsonb_build_object('phones', c."phones", 'emails', c."emails", 'products', c."products"),
       c."updatedAt"
     FROM jsonb_to_recordset($1::jsonb) AS c("id" uuid, "externalRef" text, "firstName" text,
       "lastName" text, "documentId" text, "preferredLanguage" text, "recencyDays" integer,
       "frequency12m" integer, "monetary12m" double precision, "lifetimeValue" double precision,
       "tier" text, "doNotCall" boolean, "notes" text, "phones" jsonb, "emails" jsonb,
       "products" jsonb, "updatedAt" timestamptz)
     ON CONFLICT (id) DO UPDATE SET external_ref = EXCLUDED.external_ref,
       first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
       document_id = EXCLUDED.document_id, preferred_language = EXCLUDED.preferred_language,
       recency_days = EXCLUDED.recency_days, frequency_12m = EXCLUDED.frequency_12m,
       monetary_12m = EXCLUDED.monetary_12m, lifetime_value = EXCLUDED.lifetime_value,
       tier = EXCLUDED.tier, do_not_call = EXCLUDED.do_not_call, notes = EXCLUDED.notes,
       data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(customers)]
  )
  await replacePhones(tx, customers)
  await appendChanges(
    tx,
    customers.map((c) => customerChange(c, null))
  )
}

/**
 * Inserts one contact created by an agent, owned by a team. The change log entry is written by
 * the push that applies the mutation, scoped to the same team.
 */
export async function insertCreatedCustomer(
  tx: Queryable,
  c: Customer,
  owner: { teamId: string; createdBy: string }
): Promise<void> {
  await tx.query(
    `INSERT INTO customers (id, external_ref, first_name, last_name, document_id,
       preferred_language, recency_days, frequency_12m, monetary_12m, lifetime_value, tier,
       do_not_call, notes, data, updated_at, team_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16, $17)`,
    [
      c.id,
      c.externalRef,
      c.firstName,
      c.lastName,
      c.documentId,
      c.preferredLanguage,
      c.recencyDays,
      c.frequency12m,
      c.monetary12m,
      c.lifetimeValue,
      c.tier,
      c.doNotCall,
      c.notes,
      JSON.stringify({ phones: c.phones, emails: c.emails, products: c.products }),
      c.updatedAt,
      owner.teamId,
      owner.createdBy
    ]
  )
  for (const p of c.phones) {
    await tx.query('INSERT INTO customer_phones (customer_id, e164, kind) VALUES ($1, $2, $3)', [
      c.id,
      p.e164,
      p.kind
    ])
  }
}

async function replacePhones(tx: Queryable, customers: readonly Customer[]): Promise<void> {
  const phones = customers.flatMap((c) =>
    c.phones.map((p) => ({ customerId: c.id, e164: p.e164, kind: p.kind }))
  )
  await tx.query(
    `DELETE FROM customer_phones WHERE customer_id IN
       (SELECT (value #>> '{}')::uuid FROM jsonb_array_elements($1::jsonb))`,
    [JSON.stringify(customers.map((c) => c.id))]
  )
  await tx.query(
    `INSERT INTO customer_phones (customer_id, e164, kind)
     SELECT p."customerId", p."e164", p."kind"
     FROM jsonb_to_recordset($1::jsonb) AS p("customerId" uuid, "e164" text, "kind" text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(phones)]
  )
}

interface CustomerRow {
  id: string
  external_ref: string
  first_name: string
  last_name: string
  document_id: string | null
  preferred_language: string
  recency_days: number
  frequency_12m: number
  monetary_12m: number
  lifetime_value: number
  tier: string
  do_not_call: boolean
  notes: string
  data: { phones?: unknown; emails?: unknown; products?: unknown }
  updated_at: Date
}

function toCustomer(row: CustomerRow): Customer {
  // Parsing checks what the database holds against the shared contract before it leaves.
  return customerSchema.parse({
    id: row.id,
    externalRef: row.external_ref,
    firstName: row.first_name,
    lastName: row.last_name,
    documentId: row.document_id,
    phones: row.data.phones ?? [],
    emails: row.data.emails ?? [],
    preferredLanguage: row.preferred_language,
    tier: row.tier,
    recencyDays: row.recency_days,
    frequency12m: row.frequency_12m,
    monetary12m: row.monetary_12m,
    lifetimeValue: row.lifetime_value,
    products: row.data.products ?? [],
    doNotCall: row.do_not_call,
    notes: row.notes,
    updatedAt: row.updated_at.toISOString()
  })
}

/**
 * Customers holding the phone number `e164` that the caller may see (the same scoping as pull:
 * shared customers, plus the contacts of the caller's team), most recently updated first.
 */
export async function findCustomersByPhone(
  db: Queryable,
  e164: string,
  visibility: Visibility = { kind: 'all' }
): Promise<Customer[]> {
  const select = `SELECT c.* FROM customers c
     WHERE c.id IN (SELECT customer_id FROM customer_phones WHERE e164 = $1)`
  const order = 'ORDER BY c.updated_at DESC LIMIT 20'
  let rows: CustomerRow[]
  if (visibility.kind === 'all') rows = await db.query<CustomerRow>(`${select} ${order}`, [e164])
  else if (visibility.kind === 'shared') {
    rows = await db.query<CustomerRow>(`${select} AND c.team_id IS NULL ${order}`, [e164])
  } else {
    rows = await db.query<CustomerRow>(
      `${select} AND (c.team_id IS NULL OR c.team_id = $2) ${order}`,
      [e164, visibility.teamId]
    )
  }
  return rows.map(toCustomer)
}

/** One customer by id, or null when there is none (a record may name one deleted since). */
export async function readCustomer(db: Queryable, id: string): Promise<Customer | null> {
  const rows = await db.query<CustomerRow>('SELECT * FROM customers WHERE id = $1', [id])
  const row = rows[0]
  return row ? toCustomer(row) : null
}

/** How many customers exist. */
export async function countCustomers(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*) AS n FROM customers')
  return rows[0]?.n ?? 0
}
