import type { ConfigurationSnapshot } from '@shared/contract/worker'
import type { DispositionCode } from '@shared/domain/configuration'

/**
 * The codes the wrap-up offers: the active ones, in their configured order. Retired codes stay in
 * the configuration (calls already wrapped up name them) but are never offered again.
 */
export function offeredDispositionCodes(configuration: ConfigurationSnapshot): DispositionCode[] {
  return configuration.dispositionCodes
    .filter((c) => c.active)
    .sort((a, b) => a.sortOrder - b.sortOrder)
}
