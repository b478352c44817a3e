/**
 * `POST /api/admin/customers/import?country=ES` (admin only): a CSV body in, a per-row
 * validation report out. See ./customer-csv.ts for the columns.
 */
import { getCountries } from 'libphonenumber-js'
import { z } from 'zod'

import type { CountryCode } from '@shared/phone/normalize'
import { claimsOf, requireAuth } from '../../http/auth-hooks'
import { HttpAppError } from '../../http/app-error'
import { CsvFormatError } from './customer-csv'
import { importCustomersCsv } from './import-customers'
import type { RouteContext, ZodApp } from '../../http/route-context'

const countries: readonly string[] = getCountries()
const isCountry = (value: string): value is CountryCode => countries.includes(value)

/** Large enough for about 200,000 typical rows. */
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024

const importQuerySchema = z.object({
  country: z
    .string()
    .toUpperCase()
    .refine(isCountry, 'must be an ISO 3166 country code')
    .default('ES')
})

const importReportSchema = z.object({
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  rejected: z.number(),
  issues: z.array(
    z.object({ line: z.number(), externalRef: z.string().nullable(), errors: z.array(z.string()) })
  )
})

export function registerCustomerImportRoutes(app: ZodApp, ctx: RouteContext): void {
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'string' },
    (_req, body, done) => {
      done(null, body)
    }
  )
  app.post(
    '/api/admin/customers/import',
    {
      onRequest: requireAuth(ctx.tokens),
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['customers'],
        description: 'Upserts customers from CSV by external_ref; answers a per-row report',
        querystring: importQuerySchema,
        response: { 200: importReportSchema }
      }
    },
    async (request) => {
      const claims = claimsOf(request)
      if (claims.role !== 'admin')
        throw new HttpAppError('forbidden', 'Only admins import customers')
      const body: unknown = request.body
      if (typeof body !== 'string' || body.trim() === '') {
        throw new HttpAppError('invalid_argument', 'Send the CSV as a text/csv body')
      }
      const country = request.query.country
      if (!isCountry(country)) throw new HttpAppError('invalid_argument', 'Unknown country')
      try {
        return await importCustomersCsv(ctx.db, body, country, {
          userId: claims.userId,
          username: null
        })
      } catch (error) {
        if (error instanceof CsvFormatError) {
          throw new HttpAppError('invalid_argument', `Unreadable CSV: ${error.message}`)
        }
        throw error
      }
    }
  )
}
