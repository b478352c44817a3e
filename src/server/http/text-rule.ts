/**
 * The text rule at the HTTP edge (src/shared/text/unsafe-text.ts): a body, query string or path
 * parameter holding a control character or broken Unicode is refused with 400 naming the field,
 * before the route's schema sees it. Credentials, identifiers and what an admin typed all come
 * this way, and none of them is ever cleaned.
 *
 * Two routes carry many records in one request and apply the rule per record instead, so one
 * bad record never fails the others: the sync push (free text cleaned, identifiers refused per
 * mutation, by the shared schemas) and the CSV import (per row, in its report).
 */
import type { FastifyRequest } from 'fastify'

import { describeFinding, findUnsafeText } from '@shared/text/unsafe-text'
import { HttpAppError } from './app-error'
import type { ZodApp } from './route-context'

export const PER_RECORD_TEXT_ROUTES: ReadonlySet<string> = new Set([
  '/api/sync/push',
  '/api/admin/customers/import'
])

function refuseUnsafeText(request: FastifyRequest): void {
  if (PER_RECORD_TEXT_ROUTES.has(request.routeOptions.url ?? '')) return
  const parts = { body: request.body, query: request.query, params: request.params }
  const findings = findUnsafeText(parts, 10)
  const first = findings[0]
  if (!first) return
  throw new HttpAppError(
    'invalid_argument',
    describeFinding(first),
    findings.map((f) => ({ path: f.path.join('.'), flaw: f.flaw }))
  )
}

/** Installs the rule on every route registered after it. */
export function installTextRule(app: ZodApp): void {
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      refuseUnsafeText(request)
      done()
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)))
    }
  })
}
