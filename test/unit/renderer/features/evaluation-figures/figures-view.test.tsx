/**
 * The figures as rendered: totals, the agents' table with sortable headers, each chart's figures
 * in words and as a table, the teams' weakest dimensions, in Spanish and English; the server
 * down said calmly; names from the directory kept as text.
 */
import { describe, expect, it } from 'vitest'

import { DimensionTrend } from '@renderer/features/evaluation-figures/components/DimensionTrend'
import { FiguresFilters } from '@renderer/features/evaluation-figures/components/FiguresFilters'
import { FiguresResult } from '@renderer/features/evaluation-figures/components/FiguresResult'
import { FiguresView } from '@renderer/features/evaluation-figures/components/FiguresView'

import { render } from '../../support/render'
import { agent, figures, A1, HOSTILE, TEAM } from './fixtures'

describe('the figures view', () => {
  it('shows the totals and the agents in Spanish, lowest average first', async () => {
    const { text, html } = await render(<FiguresView figures={figures()} />)
    expect(text).toContain(
      'Evaluaciones 12 Media 84,5 % Aprobadas 75,0 % Fallos críticos 2 En desacuerdo 1'
    )
    // Ana (72,5 %) before Beatriz (91,2 %): the agents who need the lead most come first.
    expect(text.indexOf('Ana Pérez')).toBeLessThan(text.indexOf('Beatriz Ruiz'))
    expect(text).toContain('Ana Pérez 7 72,5 % 2 Empatía (60,0 %)')
    expect(html).toContain('aria-sort="ascending"')
    expect(html).toMatch(/<th scope="col" class="numeric" aria-sort="ascending"><button/)
    expect(html).toContain('aria-label="Mostrar a Ana Pérez en la evolución semanal"')
  })

  it('gives each chart its figures in words and as a table', async () => {
    const { html, text } = await render(<FiguresView figures={figures()} />)
    // Intl puts a no-break space before the Spanish per cent sign.
    const nb = (s: string) => s.replace(/ %/g, '\u00a0%')
    expect(html).toContain(
      nb(
        'role="img" aria-label="Media por dimensión (la más débil arriba): Empatía 61,2 %, Adherencia al guion 75,0 %, Cortesía 92,5 %"'
      )
    )
    expect(html).toContain(
      nb('aria-label="Evolución semanal de la media: 23 nov 80,0 %, 30 nov 84,5 %"')
    )
    expect(text).toContain('Ver los datos en una tabla')
    expect(text).toContain('Semana del Media general 23 nov 80,0 % 30 nov 84,5 %')
  })

  it('follows the two weakest dimensions week by week, and lets the others be ticked', async () => {
    const { html, text } = await render(<FiguresView figures={figures()} />)
    const nb = (s: string) => s.replace(/ %/g, '\u00a0%')
    expect(html).toContain(
      nb('aria-label="Dimensiones semana a semana: 23 nov 55,0 %, 30 nov 65,5 %"')
    )
    expect(text).toContain(
      'Dimensiones en la gráfica (hasta 4): Cortesía Empatía Adherencia al guion'
    )
    expect(html).toMatch(/<input type="checkbox"\/>Cortesía/)
    expect(html).toMatch(/<input type="checkbox" checked=""\/>Empatía/)
    expect(text).toContain(
      'Semana del Empatía Adherencia al guion 23 nov 55,0 % — 30 nov 65,5 % 75,0 %'
    )
    const en = await render(<FiguresView figures={figures()} />, 'en')
    expect(en.text).toContain('Dimensions week by week')
    expect(en.text).toContain(
      'Dimensions on the chart (up to 4): Courtesy Empathy Script adherence'
    )
  })

  it('says when no dimension was scored week by week, or none is ticked', async () => {
    const noWeeks = await render(<FiguresView figures={figures({ dimensionWeeks: [] })} />)
    expect(noWeeks.text).toContain('Sin dimensiones puntuadas en el periodo.')
    const weeks = figures().dimensionWeeks
    const none = await render(
      <DimensionTrend weeks={weeks} chosen={[]} onToggle={() => undefined} width={400} />
    )
    expect(none.text).toContain('Marca una dimensión para ver su evolución.')
  })

  it('lists each team’s weakest dimensions first', async () => {
    const { text } = await render(<FiguresView figures={figures()} />)
    expect(text).toContain(
      'Equipo Norte 12 evaluaciones · media 84,5 % Empatía 61,2 % Adherencia al guion 75,0 % Cortesía 92,5 %'
    )
  })

  it('reads the same in English', async () => {
    const { text } = await render(<FiguresView figures={figures()} />, 'en')
    expect(text).toContain(
      'Evaluations 12 Average 84.5% Passed 75.0% Critical failures 2 Disputed 1'
    )
    expect(text).toContain('Ana Pérez 7 72.5% 2 Empathy (60.0%)')
    expect(text).toContain('Weakest dimensions by team')
  })

  it('says a period without released evaluations plainly', async () => {
    const empty = figures({
      total: { count: 0, averagePercent: null, criticalFailures: 0, passRate: null, disputed: 0 },
      agents: [],
      dimensions: [],
      teams: [],
      weeks: []
    })
    expect((await render(<FiguresView figures={empty} />)).text).toBe(
      'Ninguna evaluación publicada en este periodo. Las cifras cuentan solo evaluaciones publicadas al agente (nunca borradores ni calibraciones).'
    )
  })

  it('renders a hostile agent or team name as text', async () => {
    const hostile = figures({
      agents: [agent(A1, HOSTILE, 80, 2, 0)],
      teams: [{ teamId: TEAM, name: HOSTILE, count: 2, averagePercent: 80, weakest: [] }]
    })
    const { html } = await render(<FiguresView figures={hostile} />)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('\u202e')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;Ana')
  })
})

describe('the figures’ state and filters', () => {
  it('says calmly that the figures need the server', async () => {
    const es = await render(<FiguresResult load={{ state: 'offline' }} />)
    expect(es.html).toMatch(/^<p role="status"/)
    expect(es.text).toContain('Las cifras se calculan en el servidor y ahora no hay conexión')
    const en = await render(<FiguresResult load={{ state: 'offline' }} />, 'en')
    expect(en.text).toContain('The figures are worked out on the server')
  })

  const values = { from: '2026-10-12', to: '2026-12-06', teamId: '', kind: 'quality' as const }
  const noop = () => undefined

  it('lets an admin choose team and kind; a lead sees their team; a trainer practice', async () => {
    const teams = [{ id: TEAM, name: 'Equipo Norte' }]
    const filters = (role: 'admin' | 'team_lead' | 'trainer') => (
      <FiguresFilters
        values={values}
        onChange={noop}
        onSubmit={noop}
        userRole={role}
        teams={teams}
        ownTeamName="Equipo Norte"
      />
    )
    const admin = await render(filters('admin'))
    expect(admin.text).toContain('Equipo Todos los equipos Equipo Norte')
    expect(admin.text).toContain('Tipo Calidad (llamadas reales) Formación (llamadas de práctica)')
    const lead = await render(filters('team_lead'))
    expect(lead.text).toContain('Equipo: Equipo Norte')
    expect(lead.html).not.toContain('<select')
    expect((await render(filters('trainer'))).text).toContain('Llamadas de práctica')
  })

  it('says when the period reads backwards and does not let it be asked', async () => {
    const { html, text } = await render(
      <FiguresFilters
        values={{ ...values, from: '2026-12-07' }}
        onChange={noop}
        onSubmit={noop}
        userRole="admin"
        teams={[]}
        ownTeamName={null}
      />
    )
    expect(text).toContain('La fecha «Desde» es posterior a «Hasta».')
    expect(html).toContain('<button type="submit" disabled="">Ver cifras</button>')
  })
})
