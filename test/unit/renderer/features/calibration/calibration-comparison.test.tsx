/**
 * The calibration view as rendered: each evaluator beside the reference with the deviation in
 * points, the critical verdict that differs, the sections and the questions answered differently
 * marked; the blind rule explained and the hidden scores absent from the markup; another form
 * version said; names kept as text; Spanish and English.
 */
import { describe, expect, it } from 'vitest'

import { calibrationCalls } from '@renderer/features/calibration/calibration-view'
import { CalibrationComparison } from '@renderer/features/calibration/components/CalibrationComparison'

import { render } from '../../support/render'
import { ADMIN, HOSTILE, LUIS, MARTA, evaluation, form, threeEvaluators } from './fixtures'

const callOf = (evaluations = threeEvaluators()) => {
  const call = calibrationCalls(evaluations)[0]
  if (!call) throw new Error('no calibrated call')
  return call
}
const noop = () => undefined

function view(
  viewer: { id: string; role: 'team_lead' | 'admin' },
  evaluations = threeEvaluators()
) {
  return (
    <CalibrationComparison
      call={callOf(evaluations)}
      form={form}
      referenceId="e-carla"
      onReference={noop}
      viewer={viewer}
    />
  )
}

describe('the calibration comparison', () => {
  it('puts each evaluator beside the reference with the deviation in points', async () => {
    const { text, html } = await render(view({ id: LUIS, role: 'team_lead' }))
    expect(text).toContain('Llamada de Ana Pérez')
    expect(text).toContain('Carla Méndez Referencia Publicada 100,0 % Aprobada — Luis')
    expect(text).toContain(
      'Luis Gómez Enviada (calibración) 55,4 % Suspendida: fallo crítico \u221244,6 pts Distinto de la referencia 2'
    )
    expect(text).toContain('Marta Gil Borrador · calibración En borrador, sin enviar')
    expect(html).toContain('<mark class="calibration-differs">Distinto de la referencia</mark>')
  })

  it('shows the sections and the questions answered differently, marked', async () => {
    const { text, html } = await render(view({ id: LUIS, role: 'team_lead' }))
    expect(text).toContain('Cortesía 100,0 % 37,5 % \u221262,5 pts')
    expect(text).toContain('2 preguntas respondidas de forma distinta')
    expect(text).toContain('Saludó Crítica Sí No (distinta de la referencia)')
    expect(text).toContain('Tono amable 5 4 (distinta de la referencia)')
    expect(html).toContain('class="numeric calibration-wide"')
  })

  it('keeps the others’ scores out of the page while the viewer’s own is a draft', async () => {
    const { text, html } = await render(view({ id: MARTA, role: 'team_lead' }))
    expect(text).toContain(
      'Tu evaluación de esta llamada está en borrador: envíala para ver las puntuaciones de los demás y tu desviación.'
    )
    expect(html).toContain('role="note"')
    expect(text).toContain('Carla Méndez Referencia Publicada Oculta hasta que envíes la tuya')
    expect(text).not.toContain('100,0')
    expect(text).not.toContain('55,4')
    // Her own score shows, without a deviation (it would give the reference's away).
    expect(text).toContain(
      'Marta Gil Borrador · calibración 71,4 % Suspendida La tuya: se compara cuando la envíes'
    )
    expect(text).not.toContain('preguntas respondidas')
  })

  it('explains the rule to a lead who has not scored the call', async () => {
    const someone = '66666666-6666-4666-8666-666666666666'
    const { text } = await render(view({ id: someone, role: 'team_lead' }), 'en')
    expect(text).toContain(
      "You have not scored this call yet: score and submit it to see the others' (so nobody is swayed by another score)."
    )
    expect(text).toContain('Hidden until you submit yours')
  })

  it('says another form version is not compared', async () => {
    const evaluations = [
      ...threeEvaluators(),
      evaluation({
        id: 'e-v2',
        evaluatorId: ADMIN,
        evaluatorName: 'Admin',
        formVersion: 2,
        calibration: true
      })
    ]
    const { text } = await render(view({ id: ADMIN, role: 'admin' }, evaluations))
    expect(text).toContain('Otra versión del formulario (mini v2): no se compara')
  })

  it('reads in English', async () => {
    const { text } = await render(view({ id: LUIS, role: 'team_lead' }), 'en')
    expect(text).toContain(
      'Luis Gómez Submitted (calibration) 55.4% Failed: critical item \u221244.6 pts Differs from the reference 2'
    )
    expect(text).toContain('Greeted Critical Yes No (differs from the reference)')
  })

  it('renders a hostile evaluator name as text', async () => {
    const [carla, luis, marta] = threeEvaluators()
    const evaluations = [carla, luis && { ...luis, evaluatorName: HOSTILE }, marta].flatMap((e) =>
      e ? [e] : []
    )
    const { html } = await render(view({ id: LUIS, role: 'team_lead' }, evaluations))
    expect(html).not.toContain('<img')
    expect(html).not.toContain('\u202e')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;Luis')
  })
})
