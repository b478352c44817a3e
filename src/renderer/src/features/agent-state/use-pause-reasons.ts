import type { ConfigurationSnapshot } from '@shared/contract/worker'
import type { PauseReason } from '@shared/domain/configuration'
import { useConfiguration } from '../../data/use-configuration'

const pauseReasons = (configuration: ConfigurationSnapshot): PauseReason[] =>
  configuration.pauseReasons

/**
 * The pause reasons configured on the server, as last pulled. Empty before the first pull; the
 * control then offers the built-in reasons, which the server's default configuration also has.
 */
export function usePauseReasons(): PauseReason[] {
  return useConfiguration('pause_reason', pauseReasons)
}
