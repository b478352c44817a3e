/**
 * Evaluation form versions on the server (issue 19). Admins upload a form as YAML (checked like
 * `checkFormSource` on the desk, every finding on its line); each upload is a new draft version
 * of its form id (the highest so far plus one) and never changes. Publishing puts the version in
 * the change log, shared centre-wide, so every desk pulls it; retiring a form flags its versions
 * and sends the published ones again (kept for the evaluations that name them, offered for no new
 * one); bringing it back clears the flag.
 *
 * Listing: admins get every version with its source. Team leads and trainers, who evaluate with
 * the forms, may list too but get the published versions only (their source is no secret: the
 * definition reaches every desk anyway); drafts stay the admins' work in progress.
 */
import { z } from 'zod'

import {
  formRejectedSchema,
  formRetireBodySchema,
  formParamsSchema,
  formSourceBodySchema,
  formVersionListSchema,
  formVersionParamsSchema,
  formVersionSchema
} from '@shared/evaluations/evaluation-api'
import { checkFormSource } from '@shared/evaluations/form-source'
import { errorEnvelopeSchema } from '@shared/sync/auth'
import { MAX_FORM_SOURCE_BYTES } from '@shared/evaluations/form-schema'
import type { AccessClaims } from '../auth/access-tokens'
import { writeAudit } from '../auth/audit-log'
import { UNIQUE_VIOLATION, sqlStateOf, type Queryable } from '../db/db'
import { HttpAppError } from '../http/app-error'
import { locatedRejection } from '../http/located-rejection'
import { claimsOf, requireRole } from '../http/auth-hooks'
import type { RouteContext, ZodApp } from '../http/route-context'
import { appendChanges, type NewChange } from '../sync/change-log'
import { announceChanges } from '../sync/pull'
import {
  formChange,
  formVersionOf,
  listFormVersions,
  publishedFormOf,
  type FormVersionRow
} from './form-versions'

const ADMIN_ONLY = 'Only admins manage evaluation forms'

/**
 * 400 for a form with findings: `formRejectedSchema` at the top level (what the admin's editor
 * reads), with the usual error envelope beside it; any other 400 (a bad body) is the envelope.
 */
const formRejectedBodySchema = z.union([
  formRejectedSchema.extend(errorEnvelopeSchema.shape),
  errorEnvelopeSchema
])

const versionsOf = (db: Queryable, formId: string) =>
  listFormVersions(db, { publishedOnly: false, formId })

/** Inserts the next version of the form; its kind never changes from one version to the next. */
async function insertVersion(
  tx: Queryable,
  claims: AccessClaims,
  source: string,
  definition: NonNullable<ReturnType<typeof checkFormSource>['form']>
) {
  const kinds = await tx.query<{ kind: string; retired: boolean }>(
    'SELECT kind, retired FROM evaluation_forms WHERE form_id = $1 ORDER BY version DESC LIMIT 1',
    [definition.id]
  )
  const previous = kinds[0]
  if (previous && previous.kind !== definition.kind) {
    throw new HttpAppError(
      'conflict',
      `The form ${definition.id} is a ${previous.kind} form; a new version keeps its kind`
    )
  }
  const rows = await tx.query<FormVersionRow>(
    `INSERT INTO evaluation_forms (form_id, version, kind, status, retired, source, definition,
       uploaded_by)
     SELECT $1, COALESCE(max(version), 0) + 1, $2, 'draft', $3, $4, $5::jsonb, $6
       FROM evaluation_forms WHERE form_id = $1
     RETURNING *`,
    [
      definition.id,
      definition.kind,
      previous?.retired ?? false,
      source,
      JSON.stringify(definition),
      claims.userId
    ]
  )
  const row = rows[0]
  if (!row) throw new Error('insert returned no row')
  return row
}

export function registerEvaluationFormRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/api/evaluation-forms',
    {
      onRequest: requireRole(
        ctx.tokens,
        ['admin', 'team_lead', 'trainer'],
        'Only evaluators and admins list evaluation forms'
      ),
      schema: { tags: ['evaluations'], response: { 200: formVersionListSchema } }
    },
    async (request) => {
      const publishedOnly = claimsOf(request).role !== 'admin'
      return { versions: await listFormVersions(ctx.db, { publishedOnly }) }
    }
  )

  app.post(
    '/api/evaluation-forms',
    {
      onRequest: requireRole(ctx.tokens, ['admin'], ADMIN_ONLY),
      // JSON escaping can double the source's size on the wire.
      bodyLimit: MAX_FORM_SOURCE_BYTES * 2 + 1024,
      schema: {
        tags: ['evaluations'],
        body: formSourceBodySchema,
        response: { 201: formVersionSchema, 400: formRejectedBodySchema }
      }
    },
    async (request, reply) => {
      const claims = claimsOf(request)
      const { source } = request.body
      const checked = checkFormSource(source)
      if (!checked.form || checked.issues.length > 0) {
        const issues = checked.issues.map((i) => ({
          code: i.code,
          message: i.message,
          questionId: i.questionId,
          path: i.path,
          line: i.line,
          column: i.column,
          detail: i.detail
        }))
        return reply.code(400).send(locatedRejection('invalid_form', 'form', issues))
      }
      const form = checked.form
      try {
        const row = await ctx.db.transaction(async (tx) => {
          const inserted = await insertVersion(tx, claims, source, form)
          await writeAudit(tx, {
            action: 'evaluation_form.uploaded',
            actorId: claims.userId,
            target: `${inserted.form_id}@${String(inserted.version)}`,
            ip: request.ip
          })
          return inserted
        })
        const names = await ctx.db.query<{ display_name: string }>(
          'SELECT display_name FROM users WHERE id = $1',
          [claims.userId]
        )
        return await reply.code(201).send(formVersionOf(row, names[0]?.display_name ?? null, 0))
      } catch (error) {
        // Two uploads of the same form at once: one took the number; the other may try again.
        if (sqlStateOf(error) === UNIQUE_VIOLATION) {
          throw new HttpAppError('conflict', `Another version of ${form.id} was just uploaded`)
        }
        throw error
      }
    }
  )

  app.post(
    '/api/evaluation-forms/:formId/versions/:version/publish',
    {
      onRequest: requireRole(ctx.tokens, ['admin'], ADMIN_ONLY),
      schema: {
        tags: ['evaluations'],
        params: formVersionParamsSchema,
        response: { 200: formVersionSchema }
      }
    },
    async (request) => {
      const claims = claimsOf(request)
      const { formId, version } = request.params
      const target = `${formId}@${String(version)}`
      const published = await ctx.db.transaction(async (tx) => {
        const before = await tx.query<FormVersionRow>(
          'SELECT * FROM evaluation_forms WHERE form_id = $1 AND version = $2 FOR UPDATE',
          [formId, version]
        )
        const row = before[0]
        if (!row) throw new HttpAppError('not_found', `No version ${String(version)} of ${formId}`)
        // Published already: nothing changes (a published version never does).
        if (row.status === 'published') return { cursor: null }
        const rows = await tx.query<FormVersionRow>(
          `UPDATE evaluation_forms SET status = 'published', published_at = now()
            WHERE form_id = $1 AND version = $2 RETURNING *`,
          [formId, version]
        )
        const form = rows[0] && publishedFormOf(rows[0])
        if (!form) throw new Error(`form ${target} did not publish`)
        const cursor = await appendChanges(tx, [formChange(form)])
        await writeAudit(tx, {
          action: 'evaluation_form.published',
          actorId: claims.userId,
          target,
          ip: request.ip
        })
        return { cursor }
      })
      if (published.cursor !== null) {
        await announceChanges(ctx.db, { cursor: published.cursor, teams: [null] })
      }
      const version_ = (await versionsOf(ctx.db, formId)).find((v) => v.version === version)
      if (!version_) throw new Error(`form ${target} vanished`)
      return version_
    }
  )

  app.post(
    '/api/evaluation-forms/:formId/retire',
    {
      onRequest: requireRole(ctx.tokens, ['admin'], ADMIN_ONLY),
      bodyLimit: 1024,
      schema: {
        tags: ['evaluations'],
        params: formParamsSchema,
        body: formRetireBodySchema,
        response: { 200: formVersionListSchema }
      }
    },
    async (request) => {
      const claims = claimsOf(request)
      const { formId } = request.params
      const { retired } = request.body
      const cursor = await ctx.db.transaction(async (tx) => {
        const rows = await tx.query<FormVersionRow>(
          `UPDATE evaluation_forms SET retired = $2 WHERE form_id = $1 AND retired <> $2
           RETURNING *`,
          [formId, retired]
        )
        if (rows.length === 0) {
          const exists = await tx.query('SELECT 1 FROM evaluation_forms WHERE form_id = $1', [
            formId
          ])
          if (exists.length === 0) throw new HttpAppError('not_found', `No form ${formId}`)
          return null
        }
        const changes: NewChange[] = rows.flatMap((row) => {
          const form = publishedFormOf(row)
          return form ? [formChange(form)] : []
        })
        await writeAudit(tx, {
          action: retired ? 'evaluation_form.retired' : 'evaluation_form.restored',
          actorId: claims.userId,
          target: formId,
          ip: request.ip
        })
        return changes.length > 0 ? appendChanges(tx, changes) : null
      })
      if (cursor !== null) await announceChanges(ctx.db, { cursor, teams: [null] })
      return { versions: await versionsOf(ctx.db, formId) }
    }
  )
}
