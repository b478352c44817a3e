import type { DispositionCode } from '@shared/domain/configuration'
import { useConfiguration } from '../../data/use-configuration'
import { offeredDispositionCodes } from './offered-codes'

/** The active disposition codes configured on the server, as last pulled, in their order. */
export function useDispositionCodes(): DispositionCode[] {
  return useConfiguration('disposition_code', offeredDispositionCodes)
}
