/**
 * The Fastify plugins every route relies on: the OpenAPI document, the rate limiter and
 * WebSockets (closed with "going away" so clients reconnect).
 */
import fastifyRateLimit from '@fastify/rate-limit'
import fastifySwagger from '@fastify/swagger'
import fastifyWebsocket from '@fastify/websocket'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'

import { PROTOCOL_VERSION } from '@shared/sync/protocol'
import type { RealtimeHub } from '../realtime/realtime-hub'
import type { ZodApp } from './route-context'

export async function registerPlugins(app: ZodApp, hub: RealtimeHub): Promise<void> {
  // A WebSocket upgrade that arrives while the server closes is an open socket nothing will
  // close: the server's close would wait for it for ever (a client reconnecting at shutdown).
  let closing = false
  app.server.prependListener('upgrade', (_request, socket) => {
    if (closing) socket.destroy()
  })
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Atiende central server', version: String(PROTOCOL_VERSION) },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }
      }
    },
    transform: jsonSchemaTransform
  })
  await app.register(fastifyRateLimit, { global: false })
  await app.register(fastifyWebsocket, {
    options: { maxPayload: 64 * 1024 },
    // The default hook closes clients without a code; ours says "going away" so they reconnect.
    preClose: async function (this: FastifyInstance) {
      closing = true
      await hub.stop()
      this.websocketServer.close()
    }
  })
}
