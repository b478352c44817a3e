/** Process entry for the central server: configuration, database, app, listen. Composition only. */
import { pino } from 'pino'

import { buildApp } from './app'
import { loadJwtSecret } from './auth/jwt-secret'
import { readConfig } from './config'
import { backfillCustomerCacheRows } from './customers/cache-row-backfill'
import { migrate } from './db/migrate'
import { openDb } from './db/open-db'
import { seedEvaluationForms } from './evaluations/form-seed'
import { espeakEngine } from './practice/espeak'
import { PracticeAudioRenderer } from './practice/practice-audio'
import { renderPublishedScenarios } from './practice/practice-audio-routes'
import { seedPracticeScenarios } from './practice/scenario-seed'
import { readSipConfig } from './sip/sip-account-routes'
import { seedConfiguration } from './seed/seed-configuration'
import { seedDemoData } from './seed/seed-demo'
import { seedFloorAgents } from './seed/seed-floor-agents'

async function main(): Promise<void> {
  const config = readConfig(process.env)
  // Logs go to stderr: stdout carries only the listening line that scripts wait for.
  const logger = pino({ level: process.env['LOG_LEVEL'] ?? 'info' }, pino.destination(2))
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onListenerError: (err) => {
      logger.warn({ err }, 'LISTEN connection lost; reconnecting')
    }
  })
  await migrate(db)
  const backfilled = await backfillCustomerCacheRows(db)
  if (backfilled > 0) logger.info({ customers: backfilled }, 'customer cache rows backfilled')
  if (config.seedDemoData) {
    const seeded = await seedDemoData(db, { customerCount: config.seedCustomers })
    if (seeded.seeded) logger.info({ customers: seeded.customers }, 'demo data seeded')
    const floor = await seedFloorAgents(db, config.seedFloorAgents)
    if (floor.created > 0) logger.info({ agents: floor.created }, 'floor agents seeded')
  }
  // After the demo users, so the published directory includes them.
  if (await seedConfiguration(db)) logger.info('default configuration published')
  // Apart from the configuration above: a database from before evaluations gets the form too.
  for (const form of await seedEvaluationForms(db)) {
    if (form.kind === 'seeded')
      logger.info({ form: form.formId }, 'shipped evaluation form published')
    if (form.kind === 'no_file') logger.warn('a shipped evaluation form file was not found')
  }
  const scenarios = await seedPracticeScenarios(db)
  if (scenarios.seeded.length > 0)
    logger.info({ scenarios: scenarios.seeded }, 'sample practice scenarios published')
  if (!scenarios.found) logger.warn('the sample practice scenarios were not found')
  for (const refused of scenarios.refused)
    logger.warn(refused, 'a sample practice scenario does not check against its script; left out')
  const practiceAudio = new PracticeAudioRenderer(db, espeakEngine(), logger)
  const app = await buildApp({
    db,
    jwtSecret: await loadJwtSecret(process.env['ATIENDE_JWT_SECRET'], config.dataDir),
    loggerInstance: logger,
    staticDir: config.staticDir,
    cspConnectSrc: config.cspConnectSrc,
    trustProxy: config.trustProxy,
    sip: readSipConfig(process.env),
    monitoring: monitoringOptions(process.env),
    practiceAudio
  })
  // The samples just seeded (and anything published before the server could speak), in the
  // background: the server answers meanwhile, and a line not rendered yet is text on the desk.
  void renderPublishedScenarios(db, practiceAudio).catch((err: unknown) => {
    logger.warn({ err }, 'practice audio could not be rendered at start')
  })
  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  process.stdout.write(`Atiende server listening on http://${config.host}:${port}\n`)

  let stopping = false
  const shutdown = (signal: string): void => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed')
        process.exit(1)
      })
  }
  process.once('SIGTERM', () => {
    shutdown('SIGTERM')
  })
  process.once('SIGINT', () => {
    shutdown('SIGINT')
  })
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Atiende server failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`
  )
  process.exit(1)
})

/** `ATIENDE_MONITOR_KEY_FILE`: a private Ed25519 JWK grants are signed with (docs/monitoring.md). */
function monitoringOptions(env: NodeJS.ProcessEnv): { keyFile?: string } {
  const keyFile = env['ATIENDE_MONITOR_KEY_FILE']
  return keyFile ? { keyFile } : {}
}
