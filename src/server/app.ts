/**
 * Builds the central server as a Fastify instance without listening, so tests drive it with
 * `app.inject()` or start it on port 0.
 */
import { resolve } from 'node:path'

import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify'
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider
} from 'fastify-type-provider-zod'

import { appError } from '@shared/contract/errors'
import { PROTOCOL_VERSION } from '@shared/sync/protocol'
import { createAccessTokenIssuer } from './auth/access-tokens'
import { registerAuthRoutes } from './auth/auth-routes'
import { registerComplaintAnalysisRoutes } from './complaints/complaint-analysis-routes'
import { registerConfigurationAdminRoutes } from './configuration/configuration-routes'
import { registerCustomerRoutes } from './customers/customer-routes'
import type { Db } from './db/db'
import { registerEvaluationFormRoutes } from './evaluations/form-routes'
import { registerEvaluationRoutes } from './evaluations/evaluation-routes'
import { envelopeOf } from './http/app-error'
import { installErrorHandling } from './http/error-handler'
import { registerHealthRoutes } from './http/health-routes'
import { registerPlugins } from './http/plugins'
import type { RouteContext, ZodApp } from './http/route-context'
import { isAppNavigation, registerStaticSite } from './http/static-site'
import { installTextRule } from './http/text-rule'
import { presenceFacts } from './realtime/presence-facts'
import { RealtimeHub } from './realtime/realtime-hub'
import { registerRealtimeRoutes } from './realtime/realtime-routes'
import { MonitoringKeys } from './monitoring/monitoring-keys'
import { registerMonitoringRoutes } from './monitoring/monitoring-routes'
import { registerPracticeScenarioRoutes } from './practice/scenario-routes'
import { espeakEngine } from './practice/espeak'
import { PracticeAudioRenderer } from './practice/practice-audio'
import { registerPracticeAudioRoutes } from './practice/practice-audio-routes'
import { registerPracticePurgeRoutes } from './practice/practice-purge-routes'
import { registerRoleplayRoutes } from './practice/roleplay-routes'
import { registerTrainingRoutes } from './practice/training-routes'
import { registerScriptAnalyticsRoutes } from './scripts/script-analytics-routes'
import { registerScriptRoutes } from './scripts/script-routes'
import {
  noSipServer,
  registerSipAccountRoutes,
  type SipServerConfig
} from './sip/sip-account-routes'
import { publishDirectory } from './directory/directory-publish'
import { registerUserDirectoryRoutes } from './directory/user-directory-routes'
import { configurePushFaults, type PushFaultHooks } from './sync/push-faults'
import { registerSyncRoutes } from './sync/sync-routes'

export interface AppOptions {
  db: Db
  /** HS256 key for access tokens, at least 32 bytes. */
  jwtSecret: Uint8Array
  accessTokenTtlSeconds?: number
  refreshTokenTtlSeconds?: number
  /** Largest accepted request body in bytes (1 MiB by default). */
  bodyLimit?: number
  /** Logger settings; pass `false` in tests. Ignored when `loggerInstance` is given. */
  logger?: FastifyServerOptions['logger']
  loggerInstance?: FastifyBaseLogger
  /** The built browser edition; `/` explains how to build it when missing. */
  staticDir?: string
  /** Extra CSP connect-src entries for the browser edition (e.g. the SIP proxy). */
  cspConnectSrc?: readonly string[]
  loginRateLimit?: { max: number; timeWindowMs: number }
  /**
   * Which reverse proxies to believe about the client address (`X-Forwarded-For`), as Fastify's
   * `trustProxy`: false (default: the socket's address), true (every hop), or addresses/CIDRs.
   * The login rate limit and the audit log key on that address.
   */
  trustProxy?: boolean | string[]
  /** The SIP proxy softphones register with; none by default (practice calls only). */
  sip?: SipServerConfig
  /**
   * Tests only: makes the apply of chosen pushed mutations throw, to prove one mutation's
   * failure stays that mutation's. Never read from the environment.
   */
  faults?: PushFaultHooks
  /**
   * Tests only: how long a silent desk stays live on the floor (`PRESENCE_EXPIRY_MS`); a desk back
   * from a loss then also gets that long to record its own state before the server does.
   */
  presenceExpiryMs?: number
  /**
   * Monitoring: `keyFile` is `ATIENDE_MONITOR_KEY_FILE`, a private Ed25519 JWK this instance
   * signs grants with (monitoring-keys.ts); `grantTtlSeconds` is for tests only.
   */
  monitoring?: { keyFile?: string; grantTtlSeconds?: number }
  /**
   * Renders practice customers' lines to audio on publish; by default with espeak-ng when it is
   * installed (nothing otherwise). The process entry passes its own to render at start too.
   */
  practiceAudio?: PracticeAudioRenderer
}

const DEFAULTS = {
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlSeconds: 30 * 24 * 60 * 60,
  bodyLimit: 1024 * 1024,
  loginRateLimit: { max: 10, timeWindowMs: 60_000 }
} as const

function routeContext(options: AppOptions): RouteContext {
  return {
    db: options.db,
    tokens: createAccessTokenIssuer(
      options.jwtSecret,
      options.accessTokenTtlSeconds ?? DEFAULTS.accessTokenTtlSeconds
    ),
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? DEFAULTS.refreshTokenTtlSeconds,
    loginRateLimit: options.loginRateLimit ?? DEFAULTS.loginRateLimit
  }
}

/** Builds the app: plugins, routes, error envelope, realtime fan-out and the static site. */
export async function buildApp(options: AppOptions): Promise<ZodApp> {
  const bodyLimit = options.bodyLimit ?? DEFAULTS.bodyLimit
  const trustProxy = options.trustProxy ?? false
  const base = options.loggerInstance
    ? Fastify({ loggerInstance: options.loggerInstance, bodyLimit, trustProxy })
    : Fastify({ logger: options.logger ?? true, bodyLimit, trustProxy })
  const app = base.withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandling(app)
  installTextRule(app)
  const hub = new RealtimeHub({
    protocolVersion: PROTOCOL_VERSION,
    facts:
      options.presenceExpiryMs === undefined
        ? presenceFacts(options.db)
        : presenceFacts(options.db, options.presenceExpiryMs),
    ...(options.presenceExpiryMs === undefined ? {} : { expiryMs: options.presenceExpiryMs }),
    onError: (error) => {
      app.log.error({ err: error }, 'live presence could not record a fact')
    }
  })
  await registerPlugins(app, hub)

  const ctx = routeContext(options)
  configurePushFaults(options.db, {
    hooks: options.faults,
    report: (error, mutation) => {
      app.log.error(
        { err: error, mutation: mutation.name, mutationId: mutation.id },
        'a pushed mutation failed; it was answered with an internal rejection'
      )
    }
  })
  app.addHook('onReady', () => hub.start(options.db))

  // Registration order is the OpenAPI document's order: keep it when adding a capability.
  registerHealthRoutes(app, ctx)
  registerAuthRoutes(app, ctx)
  registerSyncRoutes(app, ctx)
  registerCustomerRoutes(app, ctx)
  registerRealtimeRoutes(app, ctx, hub)
  registerScriptAnalyticsRoutes(app, ctx)
  registerComplaintAnalysisRoutes(app, ctx)
  registerScriptRoutes(app, ctx)
  registerConfigurationAdminRoutes(app, ctx)
  registerEvaluationFormRoutes(app, ctx)
  registerEvaluationRoutes(app, ctx)
  const practiceAudio =
    options.practiceAudio ?? new PracticeAudioRenderer(options.db, espeakEngine(), app.log)
  // A render in flight finishes before the database it writes to is closed.
  app.addHook('onClose', () => practiceAudio.idle())
  registerPracticeScenarioRoutes(app, ctx, practiceAudio)
  registerPracticeAudioRoutes(app, ctx)
  registerPracticePurgeRoutes(app, ctx)
  registerTrainingRoutes(app, ctx)
  const sip = options.sip ?? noSipServer
  registerSipAccountRoutes(app, ctx, sip)
  registerUserDirectoryRoutes(app, ctx, sip.domain)
  const monitorKeys = new MonitoringKeys(options.db, {
    ...(options.monitoring?.keyFile ? { keyFile: options.monitoring.keyFile } : {})
  })
  registerMonitoringRoutes(app, ctx, {
    keys: monitorKeys,
    floorEntryOf: (agentId) => hub.floorEntryOf(agentId),
    sipDomain: sip.domain,
    ...(options.monitoring?.grantTtlSeconds === undefined
      ? {}
      : { grantTtlSeconds: options.monitoring.grantTtlSeconds })
  })
  // Role-play sessions are signed with the same keys: desks already hold them for grants.
  registerRoleplayRoutes(app, ctx, {
    keys: monitorKeys,
    sipDomain: sip.domain,
    floorEntryOf: (agentId) => hub.floorEntryOf(agentId)
  })
  // A bad key file stops the server at start, not at the first grant.
  app.addHook('onReady', () => monitorKeys.check())
  // Every instance brings the directory up to date when it starts: users edited in the database
  // and a new SIP domain reach the desks. Only changed entries are published (see the module).
  app.addHook('onReady', async () => {
    const published = await publishDirectory(options.db, sip.domain)
    if (published > 0) app.log.info({ entries: published }, 'colleague directory published')
  })
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger())

  const fallback = await registerStaticSite(app, {
    staticDir: options.staticDir ? resolve(options.staticDir) : undefined,
    connectSrc: [...(options.cspConnectSrc ?? []), ...sip.wsServers]
  })
  app.setNotFoundHandler((request, reply) => {
    if (fallback && isAppNavigation(request)) return fallback(request, reply)
    const message = `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`
    return reply.code(404).send(envelopeOf(appError('not_found', message)))
  })
  return app
}
