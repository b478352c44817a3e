/** Online customer lookup, the fallback when a client's local cache misses. */
import { z } from 'zod'

import { customerSchema } from '@shared/domain/customer'
import { toE164, type CountryCode } from '@shared/phone/normalize'
import { getCountries } from 'libphonenumber-js'
import { claimsOf, requireAuth } from '../http/auth-hooks'
import { findCustomersByPhone } from './customer-store'
import { HttpAppError } from '../http/app-error'
import { visibilityOf } from '../sync/visibility'
import { registerCustomerImportRoutes } from './import/customer-import-routes'
import type { RouteContext, ZodApp } from '../http/route-context'

const countries: readonly string[] = getCountries()

function isCountry(value: string): value is CountryCode {
  return countries.includes(value)
}

const lookupQuerySchema = z.object({
  phone: z.string().trim().min(1).max(64),
  country: z
    .string()
    .toUpperCase()
    .refine(isCountry, 'must be an ISO 3166 country code')
    .default('ES')
})

const lookupResponseSchema = z.object({
  e164: z.string(),
  customers: z.array(customerSchema)
})

/** `GET /api/customers/lookup?phone=...&country=ES`, then the CSV import. */
export function registerCustomerRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/api/customers/lookup',
    {
      onRequest: requireAuth(ctx.tokens),
      schema: {
        tags: ['customers'],
        querystring: lookupQuerySchema,
        response: { 200: lookupResponseSchema }
      }
    },
    async (request) => {
      const country = request.query.country
      const e164 = isCountry(country) ? toE164(request.query.phone, country) : null
      if (!e164)
        throw new HttpAppError('invalid_argument', 'Not a phone number', {
          phone: request.query.phone
        })
      // Scoped like pull: another team's contacts never leak through the lookup.
      const visibility = visibilityOf(claimsOf(request))
      return { e164, customers: await findCustomersByPhone(ctx.db, e164, visibility) }
    }
  )
  registerCustomerImportRoutes(app, ctx)
}
