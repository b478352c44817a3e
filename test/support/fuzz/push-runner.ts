/**
 * Sends fuzz cases to `POST /api/sync/push` and checks what every case must get back. Cases that
 * must each get a per-mutation result are batched (many per push, as a real outbox sends them);
 * when a batch is refused whole, each of its cases is sent again alone, so a failure names its
 * exact input.
 */
import { randomUUID } from 'node:crypto'

import {
  MAX_MUTATIONS_PER_PUSH,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  pushResponseSchema,
  type MutationResult
} from '@shared/sync/protocol'
import type { ZodApp } from '@server/http/route-context'
import { toJsonText, type JsonValue } from './json-text'
import type { Pusher, Setup } from './mutations'

/** A mutation as sent: even its id and name may be hostile. */
export type SentMutation = { id: JsonValue; name: JsonValue; args: JsonValue }

function idOf(mutation: SentMutation): string {
  return typeof mutation.id === 'string' ? mutation.id : JSON.stringify(mutation.id)
}

/**
 * - `result`: every mutation gets a result in a 200 (batched with other cases);
 * - `result-alone`: the same, pushed on its own (a whole-push scenario);
 * - `no-5xx`: anything but a 5xx; a 200 must still carry a result per mutation;
 * - `too-large`: the body is above the server's limit: 413.
 */
export type PushExpectation = 'result' | 'result-alone' | 'no-5xx' | 'too-large'

export interface PushCase {
  /** Which mutation, which field, which hostile value: `complaint.note args.note = NUL inside`. */
  label: string
  /** The hostile value itself, printable. */
  input: string
  user: Pusher
  mutations: SentMutation[]
  expect: PushExpectation
  /** Indexes in `mutations` that must be applied (the valid neighbours of a hostile one). */
  mustApply?: number[]
  /** Replaces the envelope (`{ protocolVersion, clientId, mutations }`) for envelope cases. */
  envelope?: (mutations: JsonValue[]) => JsonValue
}

export interface PushFailure {
  label: string
  input: string
  status: number
  body: string
}

export interface PushStats {
  cases: number
  pushes: number
  results: Record<MutationResult['status'], number>
}

/** Bodies of batched pushes stay well under the 1 MiB limit. */
const BATCH_BYTES = 700_000

function envelopeOf(mutations: JsonValue[]): JsonValue {
  return { protocolVersion: PROTOCOL_VERSION, clientId: randomUUID(), mutations }
}

function short(body: string): string {
  return body.length > 400 ? `${body.slice(0, 400)}…` : body
}

export class PushFuzzer {
  readonly stats: PushStats = {
    cases: 0,
    pushes: 0,
    results: { applied: 0, rejected: 0, conflict: 0 }
  }

  constructor(
    private readonly app: ZodApp,
    private readonly tokens: Record<Pusher, string>
  ) {}

  private async send(user: Pusher, body: string): Promise<{ status: number; body: string }> {
    this.stats.pushes++
    const response = await this.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: {
        authorization: `Bearer ${this.tokens[user]}`,
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        'content-type': 'application/json'
      },
      payload: body
    })
    return { status: response.statusCode, body: response.body }
  }

  /** The results of a 200, or why the answer is not one result per mutation. */
  private resultsOf(body: string, ids: string[]): MutationResult[] | string {
    let json: unknown
    try {
      json = JSON.parse(body)
    } catch {
      return 'the 200 body is not JSON'
    }
    const parsed = pushResponseSchema.safeParse(json)
    if (!parsed.success) return `the 200 body is not a push response: ${parsed.error.message}`
    const { results } = parsed.data
    if (results.length !== ids.length) {
      return `${results.length} results for ${ids.length} mutations`
    }
    const wrong = results.findIndex((r, i) => r.id !== ids[i])
    if (wrong >= 0) return `result ${wrong} is for another mutation`
    return results
  }

  /**
   * Pushes what fixtures need first (complaints, grants, callbacks); all must be applied. In
   * order, a push per run of one user's setups: an evaluation's dispute (the agent's) must
   * follow its save and release (the lead's), whoever's setups came before them.
   */
  async applySetup(setup: Setup[]): Promise<PushFailure[]> {
    const failures: PushFailure[] = []
    const runs: { user: Pusher; mutations: Setup['mutation'][] }[] = []
    for (const { user, mutation } of setup) {
      const last = runs.at(-1)
      if (last?.user === user) last.mutations.push(mutation)
      else runs.push({ user, mutations: [mutation] })
    }
    for (const { user, mutations } of runs) {
      for (let i = 0; i < mutations.length; i += MAX_MUTATIONS_PER_PUSH) {
        const chunk = mutations.slice(i, i + MAX_MUTATIONS_PER_PUSH)
        const answer = await this.send(user, toJsonText(envelopeOf(chunk)))
        const results =
          answer.status === 200
            ? this.resultsOf(
                answer.body,
                chunk.map((m) => m.id)
              )
            : null
        if (!Array.isArray(results)) {
          failures.push({
            label: `setup push of ${chunk.length} mutations by ${user}`,
            input: chunk.map((m) => m.name).join(', '),
            status: answer.status,
            body: short(results ?? answer.body)
          })
          continue
        }
        results.forEach((r, j) => {
          if (r.status !== 'applied') {
            const m = chunk[j]
            failures.push({
              label: `setup ${m?.name ?? '?'} by ${user} not applied`,
              input: toJsonText(m?.args ?? null),
              status: answer.status,
              body: short(JSON.stringify(r))
            })
          }
        })
      }
    }
    return failures
  }

  /** Checks one case's answer; returns the failure, or null. */
  private check(kase: PushCase, answer: { status: number; body: string }): PushFailure | null {
    const fail = (why: string): PushFailure => ({
      label: kase.label,
      input: kase.input,
      status: answer.status,
      body: short(`${why}: ${answer.body}`)
    })
    if (answer.status >= 500) return fail('server error')
    if (kase.expect === 'too-large') return answer.status === 413 ? null : fail('expected 413')
    if (answer.status !== 200) {
      return kase.expect === 'no-5xx' ? null : fail('refused whole, no result per mutation')
    }
    const results = this.resultsOf(answer.body, kase.mutations.map(idOf))
    if (!Array.isArray(results)) return fail(results)
    return this.checkResults(kase, results, answer.status)
  }

  /**
   * The results of one case: each mutation applied, rejected for a reason, or in conflict. A
   * rejection coded `internal` means the input reached the database unchecked and failed there:
   * bad input must be refused for what it is, so that counts as a failure too.
   */
  private checkResults(
    kase: PushCase,
    results: MutationResult[],
    status: number
  ): PushFailure | null {
    for (const r of results) this.stats.results[r.status]++
    const fail = (why: string, detail: unknown): PushFailure => ({
      label: kase.label,
      input: kase.input,
      status,
      body: short(`${why}: ${JSON.stringify(detail)}`)
    })
    const internal = results.find((r) => r.status === 'rejected' && r.reason.code === 'internal')
    if (internal) return fail('rejected as an internal error, not as bad input', internal)
    const missed = (kase.mustApply ?? []).filter((i) => results[i]?.status !== 'applied')
    if (missed.length > 0) {
      return fail(`mutations ${missed.join(', ')} of the push were not applied`, results)
    }
    return null
  }

  private async runAlone(kase: PushCase): Promise<PushFailure | null> {
    const envelope = (kase.envelope ?? envelopeOf)(kase.mutations)
    return this.check(kase, await this.send(kase.user, toJsonText(envelope)))
  }

  /** Runs every case; returns the failures (empty when the server held). */
  async run(cases: PushCase[]): Promise<PushFailure[]> {
    this.stats.cases += cases.length
    const failures: PushFailure[] = []
    const note = (f: PushFailure | null): void => {
      if (f) failures.push(f)
    }
    for (const kase of cases.filter((c) => c.expect !== 'result')) note(await this.runAlone(kase))
    const batched = cases.filter((c) => c.expect === 'result')
    const users = [...new Set(batched.map((c) => c.user))]
    for (const user of users) {
      let batch: { kase: PushCase; text: string }[] = []
      let bytes = 0
      let count = 0
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return
        const body = `{"protocolVersion":${PROTOCOL_VERSION},"clientId":"${randomUUID()}","mutations":[${batch.map((b) => b.text).join(',')}]}`
        const answer = await this.send(user, body)
        if (answer.status === 200) {
          // Split the results back per case.
          const all = this.resultsOf(
            answer.body,
            batch.flatMap((b) => b.kase.mutations.map(idOf))
          )
          if (Array.isArray(all)) {
            let at = 0
            for (const b of batch) {
              const own = all.slice(at, at + b.kase.mutations.length)
              at += b.kase.mutations.length
              note(this.checkResults(b.kase, own, answer.status))
            }
          } else {
            for (const b of batch) note(await this.runAlone(b.kase))
          }
        } else {
          // Refused whole: which case was it? Each again on its own.
          for (const b of batch) note(await this.runAlone(b.kase))
        }
        batch = []
        bytes = 0
        count = 0
      }
      for (const kase of batched.filter((c) => c.user === user)) {
        const text = kase.mutations.map((m) => toJsonText(m)).join(',')
        if (
          count + kase.mutations.length > MAX_MUTATIONS_PER_PUSH ||
          bytes + text.length > BATCH_BYTES
        ) {
          await flush()
        }
        batch.push({ kase, text })
        bytes += text.length
        count += kase.mutations.length
      }
      await flush()
    }
    return failures
  }
}
