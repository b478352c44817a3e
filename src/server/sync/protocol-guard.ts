import type { FastifyRequest } from 'fastify'

import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/sync/protocol'
import { HttpAppError } from '../http/app-error'

/**
 * Refuses clients that speak another protocol version with 426, before their body is parsed,
 * so an old client learns to update instead of seeing a validation error.
 */
export function requireProtocol(request: FastifyRequest): Promise<void> {
  const header = request.headers[PROTOCOL_HEADER]
  const value = Array.isArray(header) ? header[0] : header
  if (value === String(PROTOCOL_VERSION)) return Promise.resolve()
  const got = value === undefined ? 'no version' : `version ${value}`
  return Promise.reject(
    new HttpAppError(
      'incompatible_version',
      `This server speaks sync protocol ${PROTOCOL_VERSION} and the client sent ${got} in ${PROTOCOL_HEADER}; update the app`,
      { expected: PROTOCOL_VERSION, received: value ?? null }
    )
  )
}
