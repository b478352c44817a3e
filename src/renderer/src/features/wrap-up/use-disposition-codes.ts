import type { ConfigurationSnapshot } from '../../../../shared/contract/worker'
import type { DispositionCode } from '../../../../shared/domain/configuration'
import { useConfiguration } from '../../data/use-configuration'

function activeInOrder(configuration: ConfigurationSnapshot): DispositionCode[] {
  return configuration.dispositionCodes
    .filter((c) => c.active)
    .sort((a, b) => a.sortOrder - b.sortOrder)
}

/** The active disposition codes configured on the server, as last pulled, in their order. */
export function useDispositionCodes(): DispositionCode[] {
  return useConfiguration('disposition_code', activeInOrder)
}
