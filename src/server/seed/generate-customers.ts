/**
 * Deterministic demo customers. The same (count, seed) always yields the same customers, and the
 * generator streams, so a million rows never sit in memory at once.
 */
import type { Customer, Language } from '@shared/domain/customer'
import { valueTier, type ValueMetrics } from '@shared/domain/value-tier'
import type { CountryCode } from '@shared/phone/normalize'
import { catalog } from './catalog'
import { englishFirstNames, englishLastNames, spanishFirstNames, spanishLastNames } from './names'
import { randomPhone } from './phones'
import { createPrng, type Prng } from './prng'

/** "Today" for the demo data, fixed so recency and dates never depend on the clock. */
export const DEMO_REFERENCE_DATE = new Date('2025-06-30T00:00:00.000Z')
const DAY_MS = 86_400_000

/** The first customer of every seed: tests and the demo script call this number. */
export const FIRST_CUSTOMER_PHONE = '+34612345678'

const spanishCountries: readonly [CountryCode, ...CountryCode[]] = ['ES', 'MX', 'CO', 'AR', 'CL']

function isoDate(daysBefore: number): string {
  return new Date(DEMO_REFERENCE_DATE.getTime() - daysBefore * DAY_MS).toISOString().slice(0, 10)
}

function purchaseMetrics(prng: Prng, basePrice: number): ValueMetrics {
  const frequency12m = prng.chance(0.15) ? 0 : Math.floor(prng.next() ** 2 * 24)
  let monetary12m = 0
  let lastPurchase = 365 + prng.int(0, 1500)
  for (let i = 0; i < frequency12m; i++) {
    monetary12m += basePrice * (0.5 + prng.next() * 4)
    lastPurchase = Math.min(lastPurchase, prng.int(0, 364))
  }
  const tenureYears = 1 + prng.next() * 9
  const costToServe = prng.chance(0.06) ? 800 + prng.next() * 4000 : prng.next() * 100
  const lifetimeValue = monetary12m * tenureYears * 0.8 - costToServe
  return {
    recencyDays: lastPurchase,
    frequency12m,
    monetary12m: Math.round(monetary12m * 100) / 100,
    lifetimeValue: Math.round(lifetimeValue * 100) / 100
  }
}

function products(prng: Prng): Customer['products'] {
  const held = new Map<string, Customer['products'][number]>()
  const count = prng.int(0, 3)
  for (let i = 0; i < count; i++) {
    const p = prng.pick(catalog)
    held.set(p.code, { code: p.code, name: p.name, since: isoDate(prng.int(30, 3000)) })
  }
  return [...held.values()]
}

function emailOf(first: string, last: string, n: number): string {
  const local = `${first}.${last}`
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z.]/g, '')
    .toLowerCase()
  return `${local}${n}@example.com`
}

function documentId(prng: Prng, language: Language): string | null {
  if (prng.chance(0.1)) return null
  const number = String(prng.int(10_000_000, 99_999_999))
  return language === 'es'
    ? `${number}${'TRWAGMYFPDXBNJZSQVHLCKE'[Number(number) % 23] ?? 'X'}`
    : `P${number}`
}

/** Builds customer `index` (0-based) from the generator's current state. */
export function buildCustomer(prng: Prng, index: number): Customer {
  const language: Language = prng.chance(0.8) ? 'es' : 'en'
  const country = language === 'es' ? prng.pick(spanishCountries) : 'US'
  const firstName = prng.pick(language === 'es' ? spanishFirstNames : englishFirstNames)
  const lastName =
    language === 'es'
      ? `${prng.pick(spanishLastNames)} ${prng.pick(spanishLastNames)}`
      : prng.pick(englishLastNames)
  const phones = Array.from({ length: prng.int(1, 3) }, () => randomPhone(prng, country))
  const unique = [...new Map(phones.map((p) => [p.e164, p])).values()]
  const held = products(prng)
  const metrics = purchaseMetrics(prng, held[0] ? 30 : 15)
  return {
    id: prng.uuid(),
    externalRef: `CUST-${String(index + 1).padStart(7, '0')}`,
    firstName,
    lastName,
    documentId: documentId(prng, language),
    phones: unique,
    emails: prng.chance(0.85) ? [emailOf(firstName, lastName, index + 1)] : [],
    preferredLanguage: language,
    tier: valueTier(metrics),
    ...metrics,
    products: held,
    doNotCall: prng.chance(0.05),
    notes: prng.chance(0.2) ? prng.pick(demoNotes) : '',
    updatedAt: DEMO_REFERENCE_DATE.toISOString()
  }
}

const demoNotes: readonly [string, ...string[]] = [
  'Prefiere que le llamen por la tarde.',
  'Cliente desde la apertura de la tienda de Bilbao.',
  'Prefers e-mail over phone calls.',
  'Reclamó una factura duplicada el año pasado; se resolvió.',
  'Hard of hearing: speak slowly and clearly.',
  'Interesado en la fibra de 1 Gb.'
]

/** José Núñez Peña, always first, so tests and demos can call a known number. */
function firstCustomer(prng: Prng): Customer {
  const base = buildCustomer(prng, 0)
  return {
    ...base,
    firstName: 'José',
    lastName: 'Núñez Peña',
    phones: [{ e164: FIRST_CUSTOMER_PHONE, kind: 'mobile' }],
    emails: ['jose.nunez@example.com'],
    preferredLanguage: 'es',
    doNotCall: false,
    // A valuable, recently active customer, so the demo card shows what a rich pop looks like.
    ...joseMetrics,
    tier: valueTier(joseMetrics),
    products: [
      { code: 'FIBER-1G', name: 'Fibra 1 Gb', since: '2021-03-15' },
      { code: 'MOB-PLUS', name: 'Tarifa móvil ilimitada', since: '2022-09-01' },
      { code: 'TV-SPORTS', name: 'Paquete TV deportes', since: '2024-11-20' }
    ],
    notes: 'Prefiere que le llamen por la tarde.'
  }
}

const joseMetrics = { recencyDays: 12, frequency12m: 14, monetary12m: 2460, lifetimeValue: 11850 }

/**
 * A household line shared by customers 2 and 3 (Carmen and Luis Ortega Ruiz): a call from it
 * matches both, so the screen pop offers a chooser. A Valencia landline, which no random
 * template produces, so nobody else ever holds it.
 */
export const HOUSEHOLD_PHONE = '+34963000123'
const household: Record<number, { firstName: string }> = {
  1: { firstName: 'Carmen' },
  2: { firstName: 'Luis' }
}

function householdMember(prng: Prng, index: number, firstName: string): Customer {
  const base = buildCustomer(prng, index)
  return {
    ...base,
    firstName,
    lastName: 'Ortega Ruiz',
    preferredLanguage: 'es',
    phones: [{ e164: HOUSEHOLD_PHONE, kind: 'home' }]
  }
}

function customerAt(prng: Prng, index: number): Customer {
  if (index === 0) return firstCustomer(prng)
  const member = household[index]
  return member ? householdMember(prng, index, member.firstName) : buildCustomer(prng, index)
}

/**
 * Streams `count` demo customers for `seed`.
 *
 * @remarks Async so callers can `for await` it next to I/O (the NDJSON script, batched inserts)
 * without buffering; the work per customer is synchronous.
 */
export async function* generateCustomers(count: number, seed: number): AsyncGenerator<Customer> {
  const prng = createPrng(seed)
  for (let i = 0; i < count; i++) {
    yield customerAt(prng, i)
  }
  await Promise.resolve()
}
