/**
 * The practice result on the desk (rendered as a view: the unit project has no DOM), and the
 * practice pause around it: Not Ready while practising, Ready again when the result is closed
 * unless the trainee chose another status meanwhile.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { PracticeReportView } from '@renderer/features/practice-scenarios/components/PracticeReportPanel'
import {
  endPracticePause,
  pauseForPractice
} from '@renderer/features/practice-scenarios/practice-scoring'
import type { FinishedPractice } from '@renderer/features/practice-scenarios/store'
import { resetAppStore, useAppStore } from '@renderer/stores/app-store'
import { practiceFacts, scorePractice } from '@shared/practice'
import type { PathStep, RunState } from '@shared/scripts/run-state'
import { parseScript } from '@shared/scripts/script-source'

import { winBackCall, winBackScenario } from '../../support/practice-call'
import { render } from '../../support/render'

const parsed = parseScript(
  readFileSync(
    join(import.meta.dirname, '../../../../../resources/scripts/complaint-intake.yaml'),
    'utf8'
  )
)
if (!parsed.ok) throw new Error('complaint-intake does not parse')
const script = parsed.script

const t0 = Date.parse('2026-12-07T10:00:00.000Z')
const at = (s: number): string => new Date(t0 + s * 1000).toISOString()

/** The win-back call the trainee left at "received", the complaint filed as delivery. */
function finished(): FinishedPractice {
  const nodes: [string, string?][] = [
    ['acknowledge'],
    ['category', 'billing'],
    ['expected', 'El cargo devuelto'],
    ['received']
  ]
  const path: PathStep[] = nodes.map(([nodeId, answer], i) => ({
    nodeId,
    via: i === 0 ? 'start' : 'next',
    enteredAt: at(i * 20),
    jumps: [],
    ...(answer === undefined ? {} : { answer })
  }))
  const run: RunState = {
    scriptId: 'complaint-intake',
    scriptVersion: 1,
    language: 'es',
    status: 'open',
    startedAt: at(0),
    path,
    confirmations: [{ nodeId: 'acknowledge', at: at(5) }],
    effects: [],
    log: []
  }
  const facts = practiceFacts({
    callId: 'practice-1',
    run,
    complaints: [
      {
        id: 'c1',
        callId: 'practice-1',
        category: 'delivery',
        qualityDimension: 'reliability',
        createdAt: at(70)
      }
    ],
    compensations: [
      {
        complaintId: 'c1',
        status: 'pending',
        amount: 250,
        currency: 'USD',
        type: 'credit',
        requestedAt: at(75)
      }
    ],
    disposition: 'complaint-escalated',
    endedAt: at(150)
  })
  const report = scorePractice(winBackScenario, facts, script)
  return { callId: 'practice-1', practice: winBackCall, facts, report, finishedAt: at(100) }
}

const view = (f: FinishedPractice) => (
  <PracticeReportView
    finished={f}
    script={script}
    categories={[]}
    dispositions={[]}
    onClose={() => undefined}
    onAgain={() => undefined}
    focusOnMount={false}
  />
)

describe('the practice result', () => {
  it('says the verdict, the critical failures and each item by its step, in Spanish', async () => {
    const f = finished()
    expect(f.report.passed).toBe(false)
    const { text } = await render(view(f))
    expect(text).toContain('Resultado de la práctica')
    expect(text).toContain('Recuperar a una clienta de alto valor')
    expect(text).toContain(`${String(f.report.percent).replace('.', ',')} %`)
    expect(text).toContain('No aprobada')
    expect(text).toContain('Fallos que suspenden la práctica')
    expect(text).toContain('Categoría de la queja: Entrega (se esperaba Facturación)')
    // Steps by their titles in the script, not node ids; codes by their labels.
    expect(text).not.toMatch(/\b(acknowledge|pick-category|create-billing|close-route)\b/)
    expect(text).toContain('Lamento lo ocurrido, … Paso obligatorio')
    expect(text).toContain('Registrar la queja: Facturación')
    expect(text).toContain('Ruta del guion')
    expect(text).toContain('Alcanzado')
    expect(text).toContain('No llegaste')
    expect(text).toContain('Entrega')
    expect(text).toContain('Facturación')
    expect(text).toMatch(/250,00\sUS\$, que necesitó aprobación/)
    expect(text).toMatch(/hasta 100,00\sUS\$, dentro de tu autorización/)
    expect(text).toContain('Confiabilidad, en una queja de otra categoría')
    expect(text).toContain('Tiempo por paso')
    expect(text).toContain('por encima del objetivo')
    expect(text).toContain('Repetir la práctica')
  })

  it('reads the same in English, and a pass says so', async () => {
    const f = finished()
    const passed: FinishedPractice = {
      ...f,
      report: { ...f.report, passed: true, percent: 85, criticalFailures: [] }
    }
    const { text } = await render(view(passed), 'en')
    expect(text).toContain('Practice result')
    expect(text).toContain('Win back a high-value customer')
    expect(text).toContain('85 %')
    expect(text).toContain('Passed')
    expect(text).not.toContain('Failures that fail the practice')
    expect(text).toContain('I’m sorry about what happened'.replace('’', "'"))
    expect(text).toContain('Log the complaint: Billing')
    expect(text).toContain('Reached')
    expect(text).toContain('Time per step')
    expect(text).toContain('You did not get there')
    expect(text).toContain('Practise again')
  })
})

describe('the practice pause', () => {
  afterEach(resetAppStore)

  it('sets a Ready trainee Not Ready for training, and Ready again at the end', () => {
    pauseForPractice()
    expect(useAppStore.getState().agent.availability).toMatchObject({
      kind: 'not_ready',
      reason: 'training'
    })
    endPracticePause()
    expect(useAppStore.getState().agent.availability.kind).toBe('ready')
    expect(useAppStore.getState().practice.pausedForPractice).toBe(false)
  })

  it('leaves a trainee who was already paused, or changed status meanwhile, as they chose', () => {
    useAppStore.getState().agentNotReady('lunch')
    pauseForPractice()
    endPracticePause()
    expect(useAppStore.getState().agent.availability).toMatchObject({ reason: 'lunch' })

    resetAppStore()
    pauseForPractice()
    useAppStore.getState().agentNotReady('meeting')
    endPracticePause()
    expect(useAppStore.getState().agent.availability).toMatchObject({ reason: 'meeting' })
  })
})
