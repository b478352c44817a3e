/**
 * `complaint.create`: files a complaint written on the client. The author and team come from
 * the access token, never from the body; the server numbers the case.
 */
import { complaintDueAt, type Complaint, type ComplaintCreateArgs } from '@shared/domain/complaint'
import type { AccessClaims } from '../auth/access-tokens'
import type { Queryable } from '../db/db'
import type { NewChange } from '../sync/change-log'
import { practiceMarkProblem } from '@shared/practice/practice-mark'
import { rejected, type MutationOutcome } from '../sync/mutation-outcome'
import { markedScope } from '../sync/visibility'

/** `QR-000123`; wider numbers keep every digit. */
export function formatCaseNumber(n: number): string {
  return `QR-${String(n).padStart(6, '0')}`
}

async function customerExists(tx: Queryable, id: string): Promise<boolean> {
  const rows = await tx.query<{ id: string }>('SELECT id FROM customers WHERE id = $1', [id])
  return rows.length > 0
}

/** Top-level category codes, each with its subcategory codes (inactive ones too). */
export type CategoryTree = Map<string, Set<string>>

export async function categoryTree(tx: Queryable): Promise<CategoryTree> {
  const rows = await tx.query<{ code: string; parent_code: string | null }>(
    'SELECT code, parent_code FROM complaint_categories'
  )
  const tree: CategoryTree = new Map()
  for (const r of rows) if (r.parent_code === null) tree.set(r.code, new Set())
  for (const r of rows) if (r.parent_code !== null) tree.get(r.parent_code)?.add(r.code)
  return tree
}

/**
 * Why the category is unknown, or null when it is fine. A category deactivated after the
 * complaint was written offline still counts: the customer's complaint is not lost over it.
 */
export function categoryProblem(
  tree: CategoryTree,
  args: Pick<ComplaintCreateArgs, 'category' | 'subcategory'>
): string | null {
  const subs = tree.get(args.category)
  if (subs === undefined) return `Unknown complaint category "${args.category}"`
  if (args.subcategory !== null && !subs.has(args.subcategory)) {
    return `Unknown subcategory "${args.subcategory}" of "${args.category}"`
  }
  return null
}

/**
 * Why `claims` may not file this complaint: a broken practice mark, a trainer's production
 * complaint, or a production one from someone without a team (its row would reach everyone).
 * A practice complaint may come from anyone: its change goes to the practice scope.
 */
function authorRefusal(claims: AccessClaims, args: ComplaintCreateArgs): MutationOutcome | null {
  const problem = practiceMarkProblem(args)
  if (problem !== null) return rejected('invalid_argument', problem, { personaId: args.personaId })
  if (args.practice && args.personaId === null) {
    return rejected('invalid_argument', 'A practice complaint names the persona it is about')
  }
  if (args.practice) return null
  if (claims.role === 'trainer') {
    return rejected('forbidden', 'Trainers cannot file production complaints')
  }
  if (claims.teamId === null) {
    return rejected('forbidden', 'Only members of a team can file complaints')
  }
  return null
}

/** The complaint's change: a practice one to the trainers and its author only. */
export function complaintChange(complaint: Complaint, json?: string): NewChange {
  return {
    entity: 'complaint',
    entityId: complaint.id,
    ...markedScope(complaint, complaint.agentId),
    data: complaint,
    ...(json === undefined ? {} : { json })
  }
}

/** The complaint as the server stores and sends it. */
function authoritative(
  args: ComplaintCreateArgs,
  row: { caseNumber: string; agentId: string; teamId: string | null; receivedAt: string }
): Complaint {
  // Object.assign rather than a spread followed by more properties: V8 builds that literal on a
  // slow path (≈20 µs a complaint here, a tenth of a burst's server time).
  return Object.assign({}, args, {
    caseNumber: row.caseNumber,
    status: 'open' as const,
    agentId: row.agentId,
    teamId: row.teamId,
    receivedAt: row.receivedAt,
    dueAt: complaintDueAt(args.createdAt, args.severity),
    assigneeId: null,
    escalatedAt: null,
    escalationReason: null
  })
}

/** Applies a complaint creation inside the caller's transaction. */
export async function applyComplaintCreate(
  tx: Queryable,
  claims: AccessClaims,
  args: ComplaintCreateArgs
): Promise<MutationOutcome> {
  const refusal = authorRefusal(claims, args)
  if (refusal) return refusal
  const existing = await tx.query<{ agent_id: string }>(
    'SELECT agent_id FROM complaints WHERE id = $1',
    [args.id]
  )
  const owner = existing[0]
  if (owner) {
    // The same author re-sending under a new mutation id is a retry, not a conflict.
    if (owner.agent_id === claims.userId) return { status: 'applied', changes: [] }
    return rejected('conflict', 'A complaint with this id belongs to another user')
  }
  if (args.customerId !== null && !(await customerExists(tx, args.customerId))) {
    return rejected('not_found', 'The customer does not exist', { customerId: args.customerId })
  }
  const problem = categoryProblem(await categoryTree(tx), args)
  if (problem !== null) return rejected('invalid_argument', problem, { category: args.category })
  const seq = await tx.query<{ n: number }>("SELECT nextval('complaint_case_seq') AS n")
  const caseNumber = formatCaseNumber(seq[0]?.n ?? 0)
  const inserted = await tx.query<{ status: string; received_at: Date }>(
    `INSERT INTO complaints (id, case_number, customer_id, call_id, category, description,
                             agent_id, team_id, created_at, subcategory, severity, due_at,
                             quality_dimension, expected, received, requested_remedy,
                             product_code, product_name, channel, practice, persona_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
             $19, $20, $21)
     RETURNING status, received_at`,
    [
      args.id,
      caseNumber,
      args.customerId,
      args.callId,
      args.category,
      args.description,
      claims.userId,
      claims.teamId,
      args.createdAt,
      args.subcategory,
      args.severity,
      complaintDueAt(args.createdAt, args.severity),
      args.qualityDimension,
      args.expected,
      args.received,
      args.requestedRemedy,
      args.productCode,
      args.productName,
      args.channel,
      args.practice,
      args.personaId
    ]
  )
  const complaint = authoritative(args, {
    caseNumber,
    agentId: claims.userId,
    teamId: claims.teamId,
    receivedAt: (inserted[0]?.received_at ?? new Date()).toISOString()
  })
  return {
    status: 'applied',
    changes: [complaintChange(complaint)]
  }
}

/**
 * Applies many complaint creations in a few statements (group commit): the same rules and
 * outcomes as {@link applyComplaintCreate} applied one by one in order, but the existing ids,
 * the customers and the case numbers are read at once and the rows inserted in one statement.
 * Each complaint is serialised once: the same JSON text is inserted and logged.
 */
export async function applyComplaintCreates(
  tx: Queryable,
  items: readonly { claims: AccessClaims; args: ComplaintCreateArgs }[]
): Promise<MutationOutcome[]> {
  const ids = items.map((i) => i.args.id)
  const customerIds = items.flatMap((i) => (i.args.customerId === null ? [] : [i.args.customerId]))
  const owners = new Map(
    (
      await tx.query<{ id: string; agent_id: string }>(
        'SELECT id, agent_id FROM complaints WHERE id = ANY($1::uuid[])',
        [uuidArray(ids)]
      )
    ).map((r) => [r.id, r.agent_id])
  )
  const customers = new Set(
    customerIds.length === 0
      ? []
      : (
          await tx.query<{ id: string }>('SELECT id FROM customers WHERE id = ANY($1::uuid[])', [
            uuidArray(customerIds)
          ])
        ).map((r) => r.id)
  )
  const tree = await categoryTree(tx)
  const outcomes: (MutationOutcome | null)[] = []
  const toInsert: { index: number; claims: AccessClaims; args: ComplaintCreateArgs }[] = []
  items.forEach(({ claims, args }, index) => {
    const refusal = authorRefusal(claims, args)
    if (refusal) {
      outcomes.push(refusal)
      return
    }
    const owner = owners.get(args.id)
    if (owner !== undefined) {
      outcomes.push(
        owner === claims.userId
          ? { status: 'applied', changes: [] }
          : rejected('conflict', 'A complaint with this id belongs to another user')
      )
      return
    }
    if (args.customerId !== null && !customers.has(args.customerId)) {
      outcomes.push(
        rejected('not_found', 'The customer does not exist', { customerId: args.customerId })
      )
      return
    }
    const problem = categoryProblem(tree, args)
    if (problem !== null) {
      outcomes.push(rejected('invalid_argument', problem, { category: args.category }))
      return
    }
    owners.set(args.id, claims.userId)
    outcomes.push(null)
    toInsert.push({ index, claims, args })
  })
  if (toInsert.length > 0) {
    // received_at defaults to now(), the transaction's start: read with the case numbers, so
    // each complaint is complete before it is inserted.
    const numbers = await tx.query<{ n: number; now: Date }>(
      "SELECT nextval('complaint_case_seq') AS n, now() AS now FROM generate_series(1, $1::int)",
      [toInsert.length]
    )
    const receivedAt = (numbers[0]?.now ?? new Date()).toISOString()
    const complaints = toInsert.map(({ claims, args }, i) =>
      authoritative(args, {
        caseNumber: formatCaseNumber(numbers[i]?.n ?? 0),
        agentId: claims.userId,
        teamId: claims.teamId,
        receivedAt
      })
    )
    const json = complaints.map((c) => JSON.stringify(c))
    await tx.query(
      `INSERT INTO complaints (id, case_number, customer_id, call_id, category, description,
                               agent_id, team_id, created_at, subcategory, severity, due_at,
                               quality_dimension, expected, received, requested_remedy,
                               product_code, product_name, channel, practice, persona_id)
       SELECT r.id, r."caseNumber", r."customerId", r."callId", r.category, r.description,
              r."agentId", r."teamId", r."createdAt", r.subcategory, r.severity, r."dueAt",
              r."qualityDimension", r.expected, r.received, r."requestedRemedy",
              r."productCode", r."productName", r.channel, r.practice, r."personaId"
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "caseNumber" text, "customerId" uuid,
         "callId" text, category text, description text, "agentId" uuid, "teamId" uuid,
         "createdAt" timestamptz, subcategory text, severity text, "dueAt" timestamptz,
         "qualityDimension" text, expected text, received text, "requestedRemedy" text,
         "productCode" text, "productName" text, channel text, practice boolean,
         "personaId" text)`,
      [`[${json.join(',')}]`]
    )
    complaints.forEach((complaint, i) => {
      const index = toInsert[i]?.index ?? -1
      outcomes[index] = {
        status: 'applied',
        changes: [complaintChange(complaint, json[i])]
      }
    })
  }
  return outcomes.map((o) => o ?? rejected('internal', 'The complaint was not applied'))
}

/** A uuid[] parameter; the ids were validated as uuids, so none needs quoting. */
function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`
}
