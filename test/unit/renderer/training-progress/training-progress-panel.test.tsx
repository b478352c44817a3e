/**
 * The trainer's progress views as rendered (the unit project has no DOM): the cohort table and
 * certification grid in words, where most fail in the script's words with no node id, a
 * trainee's sessions and a session's report, the cohort editor and the body it sends, hostile
 * names kept as text; Spanish and English.
 */
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'

import {
  cohortBodyOf,
  type CohortDraft,
  matchTrainees,
  toggleTrainee
} from '@renderer/features/training-progress/cohort-draft'
import { CohortEditor } from '@renderer/features/training-progress/components/CohortEditor'
import { CohortProgressView } from '@renderer/features/training-progress/components/CohortProgressView'
import { SessionReportView } from '@renderer/features/training-progress/components/SessionReport'
import { TraineeProgressView } from '@renderer/features/training-progress/components/TraineeProgressView'
import { TrainingProgressPanel } from '@renderer/features/training-progress/components/TrainingProgressPanel'
import { createTrainingApi } from '@renderer/features/training-progress/training-api'

import { buttons, render } from '../support/render'
import {
  cohort,
  cohortProgress,
  HOSTILE,
  ids,
  labels,
  sessionDetail,
  traineeProgress
} from './fixtures'

const noop = () => undefined
const NODE_IDS = /\b(acknowledge|gone-node|complaint-intake|win-back)\b/

const cohortView = (
  <CohortProgressView
    progress={cohortProgress}
    labels={labels}
    selectedTraineeId={null}
    onOpenTrainee={noop}
  />
)

describe('a cohort’s progress', () => {
  it('has a row per trainee with real headers, and a certification grid in words', async () => {
    const { html, text } = await render(cohortView)
    expect(html).toContain('<th scope="col">Participante</th>')
    expect(html).toContain('<th scope="col" class="numeric">Última puntuación</th>')
    expect(text).toContain('Ana Pérez Equipo Norte 4 91,5 % 82,0 % 1 de 2')
    expect(text).toContain('Sin equipo 0 — — 0 de 2')
    expect(text).toContain('Certificación por escenario')
    expect(text).toContain('Se certifica con 3 prácticas aprobadas al 80 % o más')
    // Ana: certified on one, 2 of 3 on the other; the other trainee has no session.
    expect(text).toMatch(/Ana Pérez Certificado 2\/3 · mejor 84,5 %/)
    expect(text).toContain('Sin sesiones')
    expect(buttons(html).map((b) => b.text)).toContain('Ana Pérez')
    expect(html).toContain('aria-label="Ver el progreso de Ana Pérez"')
  })

  it('says where most fail by the script’s step and the report’s kind, never a node id', async () => {
    const { html, text } = await render(cohortView)
    expect(text).toContain('Dónde fallan más')
    expect(text).toContain(
      'Lamento lo ocurrido, … Paso obligatorio Recuperar a una clienta 3 de 4 2'
    )
    expect(text).toContain('Queja Categoría de la queja Recuperar a una clienta 1 de 4 1')
    expect(text).toContain('Un paso que ya no está en el guion Decisión')
    expect(text).not.toMatch(NODE_IDS)
    expect(html).toContain('<th scope="col" class="numeric">Participantes</th>')
  })

  it('keeps a hostile name as text', async () => {
    const { html, text } = await render(cohortView)
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(text).toContain(HOSTILE)
  })

  it('reads in English', async () => {
    const { text } = await render(cohortView, 'en')
    expect(text).toContain('Last score')
    expect(text).toContain('1 of 2')
    expect(text).toContain('Where most fail')
    expect(text).toContain(
      "I'm sorry about what happened, … Mandatory step Win back a customer 3 of 4"
    )
    expect(text).toContain('Certified')
    expect(text).not.toMatch(NODE_IDS)
  })

  it('invites to add trainees to an empty cohort', async () => {
    const { text } = await render(
      <CohortProgressView
        progress={{ ...cohortProgress, rows: [], certifications: [], weakest: [] }}
        labels={labels}
        selectedTraineeId={null}
        onOpenTrainee={noop}
      />
    )
    expect(text).toContain('Esta cohorte no tiene participantes. Edítala para añadir agentes.')
    expect(text).toContain('Aún no hay fallos registrados.')
  })
})

describe('a trainee’s progress', () => {
  const view = (report?: ReactNode) => (
    <TraineeProgressView
      progress={traineeProgress}
      labels={labels}
      selectedSessionId={null}
      onOpenSession={noop}
      onBack={noop}
      report={report}
    />
  )

  it('lists sessions with date, scenario, mode, percent and verdict, and the chart’s table', async () => {
    const { html, text } = await render(view())
    expect(text).toContain('Progreso de Ana Pérez')
    expect(text).toMatch(/10 mar 2026.*Recuperar a una clienta Individual 91,5 % Aprobada/)
    expect(text).toMatch(/Juego de rol 62,0 % No aprobada 1 fallo crítico/)
    expect(html).toMatch(/role="img" aria-label="Puntuación por sesión, de la más antigua/)
    expect(text).toContain('Ver las cifras en una tabla')
    expect(text).toContain('Dónde falla más')
    expect(text).toMatch(/Certificado el 10 mar 2026/)
    expect(text).toContain('1 de 3 prácticas aprobadas')
    expect(buttons(html).map((b) => b.text)).toContain('Volver a la cohorte')
    expect(text).not.toMatch(NODE_IDS)
  })

  it('shows a session’s report with the practice report’s rows, without time', async () => {
    const { text } = await render(
      <SessionReportView session={sessionDetail} scenario={null} labels={labels} onClose={noop} />
    )
    expect(text).toContain('Resultado de la sesión')
    expect(text).toContain('40,0 % No aprobada')
    expect(text).toContain('para aprobar: 70 %')
    expect(text).toContain('Lo que hizo')
    expect(text).toContain(
      'Lamento lo ocurrido, … Paso obligatorio Leído y confirmado Sin confirmar'
    )
    expect(text).toContain('Cierre Resultado de la llamada Reclamo escalado Reclamo escalado')
    expect(text).not.toContain('Tiempo en el paso')
    expect(text).not.toMatch(NODE_IDS)
    const en = await render(
      <SessionReportView session={sessionDetail} scenario={null} labels={labels} onClose={noop} />,
      'en'
    )
    expect(en.text).toContain('Session result')
    expect(en.text).toContain('What they did')
    expect(en.text).toContain('Solo')
  })

  it('says when there are no sessions yet', async () => {
    const { text } = await render(
      <TraineeProgressView
        progress={{ ...traineeProgress, sessions: [], weakest: [] }}
        labels={labels}
        selectedSessionId={null}
        onOpenSession={noop}
        onBack={noop}
      />
    )
    expect(text).toContain('Aún no hay sesiones de práctica.')
  })
})

describe('a cohort being written', () => {
  it('sends a trimmed name and each trainee once; an empty name is refused', () => {
    let draft: CohortDraft = { id: null, name: '  Cohorte de abril ', traineeIds: [] }
    draft = toggleTrainee(draft, ids.ana)
    draft = toggleTrainee(draft, ids.hostile)
    draft = toggleTrainee(draft, ids.hostile)
    draft = { ...draft, traineeIds: [...draft.traineeIds, ids.ana] }
    expect(cohortBodyOf(draft)).toEqual({
      ok: true,
      body: { name: 'Cohorte de abril', traineeIds: [ids.ana] }
    })
    expect(cohortBodyOf({ ...draft, name: '   ' })).toEqual({ ok: false, problem: 'name' })
  })

  it('creating one POSTs exactly that body', async () => {
    const sent: string[] = []
    const api = createTrainingApi({
      baseUrl: () => '',
      token: () => 't',
      renew: () => Promise.resolve(),
      fetch: (_input, init) => {
        sent.push(`${init?.method ?? ''} ${typeof init?.body === 'string' ? init.body : ''}`)
        return Promise.resolve(new Response(JSON.stringify(cohort), { status: 201 }))
      }
    })
    const checked = cohortBodyOf({ id: null, name: ' Marzo ', traineeIds: [ids.ana] })
    if (!checked.ok) throw new Error('the draft should be valid')
    await api.saveCohort(null, checked.body)
    expect(sent).toEqual([`POST {"name":"Marzo","traineeIds":["${ids.ana}"]}`])
  })

  it('finds agents by name or team, accents aside', () => {
    expect(matchTrainees(cohort.trainees, 'perez norte').map((t) => t.id)).toEqual([ids.ana])
    expect(matchTrainees(cohort.trainees, '')).toHaveLength(2)
  })

  it('renders labelled controls, the candidates as checkboxes, names as text', async () => {
    const { html, text } = await render(
      <CohortEditor
        initial={{ id: ids.cohort, name: 'Cohorte de marzo', traineeIds: [ids.ana] }}
        candidates={{ state: 'ready', value: cohort.trainees }}
        busy={false}
        onSave={noop}
        onCancel={noop}
      />
    )
    expect(text).toContain('Editar la cohorte «Cohorte de marzo»')
    expect(text).toContain('Nombre de la cohorte')
    expect(html).toContain('<span class="visually-hidden">Buscar agentes</span>')
    expect(text).toContain('1 participante seleccionado')
    expect(html.match(/type="checkbox"/g)).toHaveLength(2)
    expect(html).not.toContain('<img')
    expect(buttons(html).map((b) => b.text)).toEqual(['Guardar cohorte', 'Cancelar'])
  })
})

describe('the panel before its data', () => {
  it('reads nothing until its tab is opened, then shows it is loading', async () => {
    const api = createTrainingApi({
      baseUrl: () => '',
      token: () => 't',
      renew: () => Promise.resolve(),
      fetch: () => new Promise<Response>(noop)
    })
    const idle = await render(<TrainingProgressPanel api={api} active={false} />)
    expect(idle.text).toContain('Progreso de las prácticas')
    expect(idle.html).not.toContain('aria-busy')
    const busy = await render(<TrainingProgressPanel api={api} />)
    expect(busy.html).toContain('aria-busy="true"')
    expect(busy.text).toContain('Cargando el progreso…')
  })
})
