/**
 * Fuzz of `POST /api/sync/push` (issue 14), generated from `mutationSchema`: every field of every
 * mutation replaced in turn by hostile values (C0 controls, lone surrogates, right-to-left
 * overrides, huge strings, out-of-range numbers, wrong types), then deep nesting, prototype keys,
 * unknown keys, and pushes where only the middle mutation is hostile. The server must never
 * answer 5xx, must give every mutation a result, must store nothing hostile, and must still be
 * healthy afterwards. Seeded: `FUZZ_SEED=<n>` replays a run; failures print the seed.
 */
import { beforeAll, expect, it } from 'vitest'

import { mutationSchema } from '@shared/sync/protocol'
import { prototypePollution } from '../support/fuzz/hostile'
import { baseMutation, mutationOptions, type Pusher, type World } from '../support/fuzz/mutations'
import { fuzzSeed, mulberry32 } from '../support/fuzz/prng'
import {
  fieldCases,
  randomCases,
  sandwichCases,
  structureCases,
  type CaseSet
} from '../support/fuzz/push-cases'
import { PushFuzzer, type PushFailure } from '../support/fuzz/push-runner'
import { scanStoredText, summariseFindings } from '../support/fuzz/stored-text-scan'
import { login } from '../support/server-app'
import { seedEvaluationForms } from '@server/evaluations/form-seed'
import { seedPracticeScenarios } from '@server/practice/scenario-seed'
import { describeOnEngines } from '@support/engine-suite'

const seed = fuzzSeed()
const options = mutationOptions()
const pushers: readonly Pusher[] = ['ana', 'bruno', 'carla', 'admin']
/** Extra cases with several hostile fields at once, drawn from the seed. */
const RANDOM_CASES = 150

function report(failures: PushFailure[]): string {
  const lines = failures.map(
    (f) => `  ${f.label}\n    input ${f.input}\n    → ${f.status} ${f.body}`
  )
  return `${failures.length} failures (FUZZ_SEED=${seed}):\n${lines.join('\n')}`
}

describeOnEngines('push fuzz on %s', { customers: 5 }, ({ engine, database, app }) => {
  let fuzzer: PushFuzzer
  let world: World

  beforeAll(async () => {
    const tokens = {} as Record<Pusher, string>
    const userIds = {} as Record<Pusher, string>
    for (const user of pushers) {
      const session = await login(app, user)
      tokens[user] = session.accessToken
      userIds[user] = session.user.id
    }
    const customers = await database.db.query<{ id: string }>(
      'SELECT id FROM customers ORDER BY id LIMIT 1'
    )
    const customerId = customers[0]?.id
    if (!customerId) throw new Error('the demo seed has no customer')
    world = { rng: mulberry32(seed), customerId, userIds }
    // Every server seeds the default evaluation form at start; the evaluation bases score with it.
    await seedEvaluationForms(database.db)
    // …and the practice samples: a practice session names one.
    await seedPracticeScenarios(database.db)
    fuzzer = new PushFuzzer(app, tokens)
  })

  /** Applies the cases' setup, then runs them; every failure is reported with its input. */
  async function run(set: CaseSet): Promise<PushFailure[]> {
    const setupFailures = await fuzzer.applySetup(set.setup)
    return [...setupFailures, ...(await fuzzer.run(set.cases))]
  }

  it('every mutation of the protocol has a generated base that is valid and applied', async () => {
    expect(options.length).toBeGreaterThan(0)
    const failures: string[] = []
    for (const option of options) {
      const base = baseMutation(world, option.name)
      const parsed = mutationSchema.safeParse(base.mutation)
      if (!parsed.success) {
        failures.push(`${option.name}: generated base invalid: ${parsed.error.message}`)
        continue
      }
      const pushed = await run({
        setup: base.setup,
        cases: [
          {
            label: `${option.name} base`,
            input: JSON.stringify(base.mutation.args),
            user: base.user,
            mutations: [base.mutation],
            expect: 'result-alone',
            mustApply: [0]
          }
        ]
      })
      failures.push(...pushed.map((f) => `${f.label}: ${f.status} ${f.body}`))
    }
    expect(failures, `FUZZ_SEED=${seed}`).toEqual([])
  })

  it('a hostile value in any field of any mutation gets a result, never a 5xx', async () => {
    const failures: PushFailure[] = []
    for (const option of options) failures.push(...(await run(fieldCases(world, option))))
    expect(failures.length, report(failures)).toBe(0)
    // Every field of every mutation, evaluations' steps included (each resolve case first saves,
    // releases and disputes): half a minute on a quiet machine, so a budget above the default.
  }, 150_000)

  it('deep nesting, prototype keys, unknown keys and hostile ids or names never get a 5xx', async () => {
    const failures: PushFailure[] = []
    for (const option of options) failures.push(...(await run(structureCases(world, option))))
    expect(failures.length, report(failures)).toBe(0)
    expect(prototypePollution()).toEqual([])
  })

  it('one hostile mutation in the middle of three: the other two are applied', async () => {
    const failures: PushFailure[] = []
    for (const option of options) failures.push(...(await run(sandwichCases(world, option))))
    expect(failures.length, report(failures)).toBe(0)
  })

  it('seeded random cases with several hostile fields at once', async () => {
    const failures = await run(randomCases(world, options, RANDOM_CASES))
    expect(failures.length, report(failures)).toBe(0)
  })

  it('nothing hostile is stored in any text or JSON column', async () => {
    const findings = await scanStoredText(database.db)
    expect(summariseFindings(findings), `FUZZ_SEED=${seed}`).toEqual([])
  })

  it('the server is healthy afterwards: health answers and a normal push applies', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/health' })
    expect(health.statusCode).toBe(200)
    const base = baseMutation(world, 'complaint.create')
    const failures = await run({
      setup: base.setup,
      cases: [
        {
          label: 'a normal complaint.create after the fuzz',
          input: JSON.stringify(base.mutation.args),
          user: base.user,
          mutations: [base.mutation],
          expect: 'result-alone',
          mustApply: [0]
        }
      ]
    })
    expect(failures.length, report(failures)).toBe(0)
    const { stats } = fuzzer
    process.stdout.write(
      `push fuzz on ${engine}: ${stats.cases} cases in ${stats.pushes} pushes; results ` +
        `${JSON.stringify(stats.results)} (FUZZ_SEED=${seed})\n`
    )
  })
})
