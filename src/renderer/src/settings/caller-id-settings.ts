/**
 * How this workstation identifies callers: which CTI headers an IVR sets (in priority order) and
 * the country whose numbering plan reads numbers without a country prefix. Kept per workstation
 * in localStorage, like the phone settings; the country falls back to what the central server
 * provisions (`ATIENDE_DEFAULT_COUNTRY`), then to Spain.
 */
import { getCountries, isSupportedCountry } from 'libphonenumber-js'
import { z } from 'zod'

import {
  checkCtiHeaderNames,
  parseCtiHeaderNames,
  type CtiHeaderNameProblem
} from '@shared/domain/cti-headers'
import type { CountryCode } from '@shared/phone/normalize'
import { parsedByText } from '../platform/parsed-by-text'

const STORAGE_KEY = 'atiende.callerId'
/** Before this screen existed, sites set a comma-separated list here by hand. */
const LEGACY_HEADERS_KEY = 'atiende.ctiHeaders'
/** Before this screen existed, the country was one of the phone settings' account fields. */
const LEGACY_SIP_OVERRIDES_KEY = 'atiende.sip-overrides'
const FALLBACK_COUNTRY: CountryCode = 'ES'

const countrySchema = z
  .string()
  .refine((c): c is CountryCode => isSupportedCountry(c), 'not a supported country')

export const callerIdSettingsSchema = z.object({
  /** Empty: the default list. */
  ctiHeaders: z.array(z.string()),
  /** Null: the provisioned country. */
  defaultCountry: countrySchema.nullable()
})
export type CallerIdSettings = z.infer<typeof callerIdSettingsSchema>

const noSettings: CallerIdSettings = { ctiHeaders: [], defaultCountry: null }

function readJson(storage: Storage, key: string): unknown {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null')
  } catch {
    return null
  }
}

function legacySettings(storage: Storage): CallerIdSettings {
  const headers = storage.getItem(LEGACY_HEADERS_KEY)
  const overrides = z
    .object({ account: z.object({ defaultCountry: countrySchema }) })
    .safeParse(readJson(storage, LEGACY_SIP_OVERRIDES_KEY))
  return {
    ctiHeaders: headers === null ? [] : [...checkCtiHeaderNames(headers.split(',')).names],
    defaultCountry: overrides.success ? overrides.data.account.defaultCountry : null
  }
}

function storageOrNull(): Storage | null {
  try {
    return globalThis.localStorage
  } catch {
    // Storage can be disabled (privacy modes); the defaults still work.
    return null
  }
}

const readSettings = parsedByText<CallerIdSettings>()

/** Read on every ring (the CTI header names and the country). */
export function loadCallerIdSettings(storage: Storage | null = storageOrNull()): CallerIdSettings {
  if (!storage) return noSettings
  const stored = storage.getItem(STORAGE_KEY)
  const text =
    stored ??
    `legacy\n${storage.getItem(LEGACY_HEADERS_KEY) ?? ''}\n${storage.getItem(LEGACY_SIP_OVERRIDES_KEY) ?? ''}`
  return readSettings(storage, text, () =>
    stored === null ? legacySettings(storage) : parseStored(storage)
  )
}

function parseStored(storage: Storage): CallerIdSettings {
  const parsed = callerIdSettingsSchema.safeParse(readJson(storage, STORAGE_KEY))
  return parsed.success ? parsed.data : noSettings
}

export function saveCallerIdSettings(
  settings: CallerIdSettings,
  storage: Storage = localStorage
): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(callerIdSettingsSchema.parse(settings)))
}

/** The CTI header names tried on ring, lower-case, in priority order. */
export function ctiHeaderNames(): readonly string[] {
  return parseCtiHeaderNames(loadCallerIdSettings().ctiHeaders)
}

let provisionedCountry: CountryCode | null = null

/** The phone line tells what the central server provisioned (a typo there is ignored). */
export function rememberProvisionedCountry(country: string | null): void {
  const upper = country?.toUpperCase() ?? ''
  provisionedCountry = isSupportedCountry(upper) ? upper : null
}

/** The provisioned country, when the central server sent a valid one. */
export function provisionedDefaultCountry(): CountryCode | null {
  return provisionedCountry
}

/** Numbers without a country prefix are read as numbers of this country. */
export function defaultCountry(): CountryCode {
  return loadCallerIdSettings().defaultCountry ?? provisionedCountry ?? FALLBACK_COUNTRY
}

/** Every country libphonenumber-js knows, for the form's suggestions. */
export function supportedCountries(): readonly CountryCode[] {
  return getCountries()
}

export interface CallerIdFormErrors {
  /** One per bad entry, in the order typed. */
  ctiHeaders: { entry: string; problem: CtiHeaderNameProblem }[]
  defaultCountry: boolean
}

/** Parses the form: one header name per line (first wins), and an optional country code. */
export function parseCallerIdForm(form: {
  ctiHeaders: string
  defaultCountry: string
}): { ok: true; settings: CallerIdSettings } | { ok: false; errors: CallerIdFormErrors } {
  const headers = checkCtiHeaderNames(form.ctiHeaders.split('\n'))
  const country = form.defaultCountry.trim().toUpperCase()
  const parsedCountry = country === '' ? null : countrySchema.safeParse(country)
  const countryBad = parsedCountry !== null && !parsedCountry.success
  if (headers.errors.length > 0 || countryBad) {
    return { ok: false, errors: { ctiHeaders: headers.errors, defaultCountry: countryBad } }
  }
  return {
    ok: true,
    settings: {
      ctiHeaders: headers.names,
      defaultCountry: parsedCountry?.success ? parsedCountry.data : null
    }
  }
}
