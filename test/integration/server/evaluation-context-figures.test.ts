/**
 * What the evaluator reads beside the form (the call's record, customer, script adherence,
 * complaints and disposition), who may read it; and the figures: worked out by hand from a few
 * evaluations, scoped per role, counting released ones only (never drafts, calibration or the
 * other kind).
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'

import { beforeAll, expect, it } from 'vitest'

import { seedEvaluationForms } from '@server/evaluations/form-seed'
import { prefillFromRun } from '@shared/evaluations/adherence'
import { callContextSchema, evaluationFiguresSchema } from '@shared/evaluations/evaluation-api'
import { formDefinitionSchema } from '@shared/evaluations/form-schema'
import { describeOnEngines } from '@support/engine-suite'
import {
  answerSets,
  disputeMutation,
  publishForm,
  saveMutation,
  stepMutation,
  testFormSource
} from '../../support/evaluations'
import {
  complaintMutation,
  complaintArgs,
  interactionMutation,
  login,
  push
} from '../../support/server-app'

type Session = Awaited<ReturnType<typeof login>>

function runMutation(callId: string, overrides: Record<string, unknown> = {}) {
  const at = (s: number) => new Date(Date.UTC(2026, 10, 24, 10, 0, s)).toISOString()
  const steps = [
    { nodeId: 'intro', enteredAt: at(0), seconds: 5 },
    { nodeId: 'disclosure', enteredAt: at(5), seconds: 10 },
    { nodeId: 'consent', enteredAt: at(15), seconds: 3, answer: true },
    { nodeId: 'satisfaction', enteredAt: at(18), seconds: 4, answer: 8 },
    {
      nodeId: 'cross-sell',
      enteredAt: at(22),
      seconds: 20,
      offered: 'fibra-600',
      answer: 'accepted'
    },
    { nodeId: 'end-sale', enteredAt: at(42), seconds: 0 }
  ]
  return {
    id: randomUUID(),
    name: 'script_run.record',
    args: {
      id: randomUUID(),
      callId,
      practice: false,
      customerId: null,
      scriptId: 'outbound-retention',
      scriptVersion: 1,
      language: 'es',
      status: 'closed',
      outcome: 'sale',
      abandonReason: null,
      startedAt: at(0),
      endedAt: at(42),
      steps,
      confirmations: [{ nodeId: 'disclosure', at: at(12) }],
      ...overrides
    }
  }
}

describeOnEngines('evaluation call context and figures on %s', {}, ({ database, app }) => {
  const users: Record<string, Session> = {}
  const token = (name: string): string => users[name]?.accessToken ?? ''
  const userId = (name: string): string => users[name]?.user.id ?? ''
  const get = (name: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token(name)}` } })
  const context = (name: string, agent: string, callId: string, language = 'es') =>
    get(
      name,
      `/api/evaluations/call-context?agentId=${userId(agent)}&callId=${callId}&language=${language}`
    )
  const applied = async (name: string, mutations: unknown[]) => {
    const answer = await push(app, token(name), mutations)
    expect(answer.results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'))
  }

  beforeAll(async () => {
    for (const name of ['ana', 'bruno', 'carla', 'diego', 'elena', 'tomas', 'admin']) {
      users[name] = await login(app, name)
    }
    await seedEvaluationForms(database.db)
    await publishForm(app, token('admin'), testFormSource())
    await publishForm(app, token('admin'), testFormSource({ kind: 'training' }))
    const script = await app.inject({
      method: 'POST',
      url: '/api/scripts',
      headers: { authorization: `Bearer ${token('admin')}` },
      payload: { source: readFileSync('resources/scripts/outbound-retention.yaml', 'utf8') }
    })
    expect(script.statusCode, script.body).toBe(201)
  })

  it('gives the evaluator the call, its customer, adherence, complaints and disposition', async () => {
    const customers = await database.db.query<{ id: string }>('SELECT id FROM customers LIMIT 1')
    const customerId = customers[0]?.id ?? null
    const call = interactionMutation({ customerId })
    const callId = call.args.callId
    const complaint = complaintMutation(complaintArgs({ callId, customerId }))
    const disposition = {
      id: randomUUID(),
      name: 'disposition.record',
      args: {
        id: randomUUID(),
        callId,
        interactionId: call.args.id,
        practice: false,
        code: 'resolved',
        note: 'Venta cerrada',
        customerId,
        recordedAt: '2026-11-24T10:03:00.000Z'
      }
    }
    await applied('ana', [call, runMutation(callId), complaint, disposition])

    const answer = await context('carla', 'ana', callId)
    expect(answer.statusCode, answer.body).toBe(200)
    const facts = callContextSchema.parse(answer.json())
    expect(facts).toMatchObject({
      agent: { id: userId('ana'), name: 'Ana Ortiz', teamId: users['ana']?.user.teamId },
      callId,
      practice: false,
      interaction: { id: call.args.id, callId, customerId },
      customer: { id: customerId },
      complaints: [{ id: complaint.args.id, callId }],
      disposition: { code: 'resolved', note: 'Venta cerrada' }
    })
    expect(facts.run).toMatchObject({
      scriptId: 'outbound-retention',
      scriptTitle: 'Llamada saliente de retención y venta cruzada',
      status: 'closed',
      outcome: 'sale',
      seconds: 42,
      missedMandatory: [],
      offers: [{ nodeId: 'cross-sell', productCode: 'fibra-600', answer: 'accepted' }]
    })
    expect(facts.run?.steps.find((s) => s.nodeId === 'disclosure')).toMatchObject({
      title: 'Aviso legal',
      mandatory: true,
      confirmed: true
    })
    const english = callContextSchema.parse((await context('carla', 'ana', callId, 'en')).json())
    expect(english.run?.steps.find((s) => s.nodeId === 'disclosure')?.title).toBe('Legal notice')

    // The default form's adherence questions fill in from these facts.
    const forms = await database.db.query<{ definition: unknown }>(
      "SELECT definition FROM evaluation_forms WHERE form_id = 'service-quality'"
    )
    const form = formDefinitionSchema.parse(forms[0]?.definition)
    const prefill = prefillFromRun(form, facts.run ?? never())
    expect(prefill.map((a) => [a.questionId, a.value])).toEqual([
      ['mandatory-lines', 'yes'],
      ['script-completed', 'yes'],
      ['offers-made', 'yes']
    ])

    // A lead of another team, another agent and a trainer may not; the agent and an admin may.
    for (const [name, status] of [
      ['elena', 403],
      ['bruno', 403],
      ['tomas', 403],
      ['ana', 200],
      ['admin', 200]
    ] as const) {
      expect((await context(name, 'ana', callId)).statusCode, name).toBe(status)
    }
    const unknownAgent = await get(
      'admin',
      `/api/evaluations/call-context?agentId=${randomUUID()}&callId=x`
    )
    expect(unknownAgent.statusCode).toBe(404)
    expect(
      (await get('admin', '/api/evaluations/call-context?agentId=nope&callId=x')).statusCode
    ).toBe(400)
  })

  it('reads practice from the run, a missed mandatory line, and a script version that is gone', async () => {
    const practiceId = `practice-${randomUUID()}`
    await applied('ana', [
      runMutation(practiceId, {
        practice: true,
        confirmations: [],
        scriptVersion: 99
      })
    ])
    expect((await context('carla', 'ana', practiceId)).statusCode).toBe(403)
    const facts = callContextSchema.parse((await context('tomas', 'ana', practiceId)).json())
    expect(facts).toMatchObject({ practice: true, interaction: null, disposition: null })
    // Version 99 does not exist: the facts still list the path, by node id.
    expect(facts.run).toMatchObject({ scriptTitle: 'outbound-retention', missedMandatory: [] })
    expect(facts.run?.steps.every((s) => s.kind === 'unknown')).toBe(true)

    const missed = `call-${randomUUID()}`
    await applied('bruno', [runMutation(missed, { confirmations: [] })])
    const run = callContextSchema.parse((await context('carla', 'bruno', missed)).json()).run
    expect(run?.missedMandatory).toEqual(['disclosure'])
    // A live call the server knows nothing of: the lead gets its (empty) facts.
    const live = callContextSchema.parse((await context('carla', 'bruno', 'live-1')).json())
    expect(live).toMatchObject({ practice: false, interaction: null, run: null, complaints: [] })
    expect(
      callContextSchema.parse((await context('tomas', 'bruno', 'live-1')).json()).practice
    ).toBe(true)
  })

  it('computes the figures by hand-checked numbers, per role, released and one kind only', async () => {
    const released = async (
      evaluator: string,
      agent: string,
      answers: (typeof answerSets)[keyof typeof answerSets],
      at: string
    ) => {
      const m = saveMutation({ agentId: userId(agent), callId: `call-${randomUUID()}`, answers })
      await applied(evaluator, [m, stepMutation('evaluation.release', m.args.id, at)])
      return m
    }
    await released('carla', 'ana', answerSets.good, '2026-11-02T09:00:00.000Z')
    const poor = await released('carla', 'bruno', answerSets.poor, '2026-11-04T09:00:00.000Z')
    await applied('bruno', [disputeMutation(poor.args.id, 'No estoy de acuerdo')])
    const critical = await released('carla', 'ana', answerSets.critical, '2026-11-10T09:00:00.000Z')
    await released('elena', 'diego', answerSets.good, '2026-11-05T23:30:00.000Z')
    // Never counted: a draft, a calibration one, a training one, one released after the period.
    await applied('carla', [
      saveMutation({ agentId: userId('ana'), callId: 'draft-call', answers: answerSets.poor })
    ])
    const calibration = saveMutation({
      agentId: userId('ana'),
      callId: critical.args.callId,
      calibration: true,
      answers: answerSets.poor
    })
    await applied('admin', [
      calibration,
      stepMutation('evaluation.release', calibration.args.id, '2026-11-10T10:00:00.000Z')
    ])
    const training = saveMutation({
      agentId: userId('ana'),
      callId: `practice-${randomUUID()}`,
      formId: 'test-training',
      practice: true,
      answers: answerSets.poor
    })
    await applied('tomas', [
      training,
      stepMutation('evaluation.release', training.args.id, '2026-11-03T10:00:00.000Z')
    ])
    await released('carla', 'ana', answerSets.poor, '2026-12-20T09:00:00.000Z')

    const figures = async (name: string, query: string, status = 200) => {
      const answer = await get(
        name,
        `/api/evaluations/figures?from=2026-11-01&to=2026-11-30${query}`
      )
      expect(answer.statusCode, `${name} ${query}: ${answer.body}`).toBe(status)
      return status === 200 ? evaluationFiguresSchema.parse(answer.json()) : null
    }
    const all = await figures('admin', '')
    const norte = users['ana']?.user.teamId ?? null
    const sur = users['diego']?.user.teamId ?? null
    expect(all?.total).toEqual({
      count: 4,
      averagePercent: 68.3,
      criticalFailures: 1,
      passRate: 0.5,
      disputed: 1
    })
    const dim = (dimension: string, percent: number, count: number) => ({
      dimension,
      percent,
      count
    })
    expect(all?.dimensions).toEqual([dim('courtesy', 62.5, 4), dim('security', 75, 4)])
    expect(all?.agents).toEqual([
      {
        agentId: userId('ana'),
        name: 'Ana Ortiz',
        teamId: norte,
        count: 2,
        averagePercent: 80,
        criticalFailures: 1,
        dimensions: [dim('courtesy', 87.5, 2), dim('security', 50, 2)]
      },
      {
        agentId: userId('bruno'),
        name: 'Bruno Salas',
        teamId: norte,
        count: 1,
        averagePercent: 33.3,
        criticalFailures: 0,
        dimensions: [dim('courtesy', 0, 1), dim('security', 100, 1)]
      },
      {
        agentId: userId('diego'),
        name: 'Diego Ramírez',
        teamId: sur,
        count: 1,
        averagePercent: 80,
        criticalFailures: 0,
        dimensions: [dim('courtesy', 75, 1), dim('security', 100, 1)]
      }
    ])
    expect(all?.teams).toEqual([
      {
        teamId: norte,
        name: 'Norte',
        count: 3,
        averagePercent: 64.4,
        weakest: [dim('courtesy', 58.3, 3), dim('security', 66.7, 3)]
      },
      {
        teamId: sur,
        name: 'Sur',
        count: 1,
        averagePercent: 80,
        weakest: [dim('courtesy', 75, 1), dim('security', 100, 1)]
      }
    ])
    const week = (w: string, agent: string | null, count: number, averagePercent: number) => ({
      week: w,
      agentId: agent === null ? null : userId(agent),
      count,
      averagePercent
    })
    const byAgent = (a: { agentId: string | null }, b: { agentId: string | null }) =>
      (a.agentId ?? '').localeCompare(b.agentId ?? '')
    expect(all?.weeks.filter((w) => w.agentId === null)).toEqual([
      week('2026-11-02', null, 3, 64.4),
      week('2026-11-09', null, 1, 80)
    ])
    expect(all?.weeks.filter((w) => w.agentId !== null)).toEqual(
      [
        week('2026-11-02', 'ana', 1, 80),
        week('2026-11-02', 'bruno', 1, 33.3),
        week('2026-11-02', 'diego', 1, 80),
        week('2026-11-09', 'ana', 1, 80)
      ].sort((a, b) => a.week.localeCompare(b.week) || byAgent(a, b))
    )

    // Each evaluation's sections: good courtesy 75 / security 100, poor 0 / 100, critical 100 / 0.
    const dimWeek = (w: string, dimension: string, percent: number, count: number) => ({
      week: w,
      ...dim(dimension, percent, count)
    })
    expect(all?.dimensionWeeks).toEqual([
      dimWeek('2026-11-02', 'courtesy', 50, 3),
      dimWeek('2026-11-02', 'security', 100, 3),
      dimWeek('2026-11-09', 'courtesy', 100, 1),
      dimWeek('2026-11-09', 'security', 0, 1)
    ])

    // Leads their team; agents their own; trainers training; admins may pick a team.
    const lead = await figures('carla', '')
    expect(lead?.total).toMatchObject({ count: 3, passRate: 0.333, criticalFailures: 1 })
    expect(lead?.agents.map((a) => a.name)).toEqual(['Ana Ortiz', 'Bruno Salas'])
    // Norte only: Ana's good and critical ones, Bruno's poor one.
    expect(lead?.dimensionWeeks.filter((w) => w.week === '2026-11-02')).toEqual([
      dimWeek('2026-11-02', 'courtesy', 37.5, 2),
      dimWeek('2026-11-02', 'security', 100, 2)
    ])
    await figures('carla', `&teamId=${sur ?? ''}`, 403)
    expect((await figures('carla', `&teamId=${norte ?? ''}`))?.total.count).toBe(3)
    const own = await figures('ana', '')
    expect(own?.agents.map((a) => [a.name, a.count])).toEqual([['Ana Ortiz', 2]])
    expect((await figures('bruno', ''))?.total).toMatchObject({ count: 1, disputed: 1 })
    await figures('ana', '&kind=training', 403)
    await figures('carla', '&kind=training', 403)
    await figures('tomas', '', 403)
    const practice = await figures('tomas', '&kind=training')
    expect(practice?.total).toMatchObject({ count: 1, averagePercent: 33.3 })
    expect(practice?.agents.map((a) => a.name)).toEqual(['Ana Ortiz'])
    expect((await figures('admin', `&teamId=${sur ?? ''}`))?.total.count).toBe(1)
    expect((await figures('elena', ''))?.agents.map((a) => a.name)).toEqual(['Diego Ramírez'])
    const none = await get('admin', '/api/evaluations/figures?from=2025-01-01&to=2025-01-31')
    expect(evaluationFiguresSchema.parse(none.json())).toMatchObject({
      total: { count: 0, averagePercent: null, passRate: null },
      agents: [],
      weeks: [],
      dimensionWeeks: []
    })
    expect(
      (await get('admin', '/api/evaluations/figures?from=2026-12-01&to=2026-11-01')).statusCode
    ).toBe(400)
    expect(
      (await get('admin', '/api/evaluations/figures?from=nope&to=2026-11-01')).statusCode
    ).toBe(400)
  })
})

function never(): never {
  throw new Error('expected run facts')
}
