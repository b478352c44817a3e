/**
 * A pull page read change by change: one change this build cannot read (an old row, a newer
 * entity) is skipped and reported, the rest is applied and the cursor moves past it, so a single
 * bad row never blocks a page and the pull behind it.
 */
import {
  changeSchema,
  pullEnvelopeSchema,
  type Change,
  type PullEnvelope
} from '@shared/sync/protocol'

/** A change left out, named by what little could be read of it. */
export interface SkippedChange {
  seq: number | null
  entity: string | null
  issues: string[]
}

export interface PullPage {
  changes: Change[]
  cursor: number
  hasMore: boolean
  skipped: SkippedChange[]
}

export function readPullPage(envelope: PullEnvelope): PullPage {
  const page: PullPage = {
    changes: [],
    cursor: envelope.cursor,
    hasMore: envelope.hasMore,
    skipped: []
  }
  for (const raw of envelope.changes) {
    const parsed = changeSchema.safeParse(raw)
    if (parsed.success) page.changes.push(parsed.data)
    else page.skipped.push(describe(raw, parsed.error.issues))
  }
  return page
}

function describe(
  raw: unknown,
  issues: readonly { path: PropertyKey[]; message: string }[]
): SkippedChange {
  const fields = typeof raw === 'object' && raw !== null ? raw : {}
  const seq = 'seq' in fields && typeof fields.seq === 'number' ? fields.seq : null
  const entity = 'entity' in fields && typeof fields.entity === 'string' ? fields.entity : null
  const named = issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`)
  return { seq, entity, issues: named }
}

/** The page schema the HTTP layer parses with: the envelope strictly, each change leniently. */
export const pullPageSchema = {
  safeParse(value: unknown): { success: true; data: PullPage } | { success: false } {
    const envelope = pullEnvelopeSchema.safeParse(value)
    return envelope.success ? { success: true, data: readPullPage(envelope.data) } : envelope
  }
}
