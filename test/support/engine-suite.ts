/**
 * One integration case on both database engines: `describeOnEngines('… on %s', options, body)`
 * is `describe.each(engines)` (so the tests are named "… on pglite" and "… on postgres") whose
 * body gets, for its engine, a migrated and seeded database and the app built on it: made before
 * the first test, closed after the last.
 *
 * The body runs while vitest collects the tests, before any of that exists; so `database` and
 * `app` are stand-ins that pass every use on to the real ones once they are made (inside a test
 * or a hook).
 */
import { afterAll, beforeAll, describe } from 'vitest'

import type { DbKind } from '@server/db/db'
import type { ZodApp } from '@server/http/route-context'

import { buildTestApp } from './server-app'
import { createTestDatabase, engines, type TestDatabase } from './server-db'

export interface EngineSuiteOptions {
  /** Demo customers to seed (createTestDatabase's default when left out). */
  customers?: number
  /** Build no app: the case works on the database alone, or builds its own. */
  app?: false
}

export interface EngineSuite {
  engine: DbKind
  database: TestDatabase
  /** The app on the database, with the test defaults of `buildTestApp`. */
  app: ZodApp
}

/** A stand-in for a value made before the first test: each use is passed on to that value. */
function madeLater<T extends object>(what: string): { value: T; set(made: T | null): void } {
  let current: T | null = null
  const made = (): T => {
    if (current === null) throw new Error(`${what} exists only inside a test or a hook`)
    return current
  }
  const value = new Proxy({} as T, {
    get(_target, key) {
      const target = made()
      const member: unknown = Reflect.get(target, key, target)
      // Bound to the real value, so methods that read its own state (private fields too) work.
      if (typeof member !== 'function') return member
      const method = member as (...args: unknown[]) => unknown
      return method.bind(target)
    },
    set: (_target, key, member) => Reflect.set(made(), key, member),
    has: (_target, key) => Reflect.has(made(), key)
  })
  return {
    value,
    set: (next) => {
      current = next
    }
  }
}

function useEngineSuite(engine: DbKind, options: EngineSuiteOptions): EngineSuite {
  const database = madeLater<TestDatabase>(`the ${engine} test database`)
  const app = madeLater<ZodApp>(`the app on ${engine}`)
  let made: { database: TestDatabase; app: ZodApp | null } | null = null

  beforeAll(async () => {
    const db = await createTestDatabase(
      engine,
      options.customers === undefined ? {} : { customers: options.customers }
    )
    made = { database: db, app: null }
    database.set(db)
    if (options.app === false) return
    made.app = await buildTestApp(db.db)
    app.set(made.app)
  })
  afterAll(async () => {
    const done = made
    made = null
    app.set(null)
    database.set(null)
    await done?.app?.close()
    await done?.database.dispose()
  })

  return { engine, database: database.value, app: app.value }
}

/**
 * `body` once per engine, named `title` with `%s` replaced by the engine; with `options`, on a
 * database (and app) of its own per engine, shared by its tests.
 */
export function describeOnEngines(title: string, body: (engine: DbKind) => void): void
export function describeOnEngines(
  title: string,
  options: EngineSuiteOptions,
  body: (suite: EngineSuite) => void
): void
export function describeOnEngines(
  title: string,
  ...args:
    | [body: (engine: DbKind) => void]
    | [options: EngineSuiteOptions, body: (suite: EngineSuite) => void]
): void {
  describe.each(engines)(title, (engine) => {
    if (args.length === 1) {
      args[0](engine)
      return
    }
    const [options, body] = args
    body(useEngineSuite(engine, options))
  })
}
