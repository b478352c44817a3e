/**
 * Which CTI headers identify a caller. Sites set their own list (comma-separated) under the
 * `atiende.ctiHeaders` key of local storage until the settings screen lands; the default is
 * `x-customer-id, x-account`.
 */
import { parseCtiHeaderNames } from '../../../../shared/domain/cti-headers'

export const CTI_HEADERS_SETTING = 'atiende.ctiHeaders'
/** Numbers without a country prefix are read as numbers of this country. */
export const DEFAULT_COUNTRY = 'ES'

export function ctiHeaderNames(): readonly string[] {
  try {
    return parseCtiHeaderNames(globalThis.localStorage.getItem(CTI_HEADERS_SETTING))
  } catch {
    // Storage can be disabled (privacy modes); the default list still works.
    return parseCtiHeaderNames(null)
  }
}
