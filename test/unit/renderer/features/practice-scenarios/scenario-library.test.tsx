/**
 * The scenario library as rendered: the list, a scenario whole (persona, what passes, the path
 * with the customer's lines) in Spanish and English, the server away said calmly, and a
 * hostile persona kept as text.
 */
import { describe, expect, it } from 'vitest'

import { ScenarioDetail } from '@renderer/features/practice-scenarios/components/ScenarioDetail'
import { ScenarioList } from '@renderer/features/practice-scenarios/components/ScenarioLibrary'
import { loadScenarios, localized } from '@renderer/features/practice-scenarios/scenario-load'
import { appError } from '@shared/contract/errors'
import { fail, ok } from '@shared/contract/result'

import { render } from '../../support/render'
import { detailOf, versionOf } from './fixtures'

const noop = () => undefined

describe('the scenario library', () => {
  it('lists the scenarios with their persona and script, the chosen one pressed', async () => {
    const scenarios = [versionOf('win-back-high-value'), versionOf('retention-objections')]
    const { html, text } = await render(
      <ScenarioList scenarios={scenarios} chosen="win-back-high-value" onChoose={noop} />
    )
    expect(text).toContain(
      'Recuperar a una clienta de alto valor Marta Vidal · Recepción de quejas y reclamos'
    )
    expect(html.match(/aria-pressed="true"/g)).toHaveLength(1)
    expect((await render(<ScenarioList scenarios={[]} chosen={null} onChoose={noop} />)).text).toBe(
      'Aún no hay escenarios publicados.'
    )
  })

  it('shows a scenario whole: the persona, what passes and the customer’s lines step by step', async () => {
    const { text } = await render(<ScenarioDetail detail={detailOf('win-back-high-value')} />)
    expect(text).toContain('Marta Vidal Ficticio Valor Alto rendimiento')
    expect(text).toContain('Quejas abiertas Facturación Cargo duplicado de enero sin reembolsar.')
    expect(text).toContain('Registrar la queja como Facturación')
    expect(text).toContain('Compensar dentro de la autoridad: hasta 100,00 US$')
    expect(text).toContain('Se aprueba con un 80 % o más.')
    expect(text).toContain('Lamento lo ocurrido, … Obligatorio (objetivo 30 s)')
    expect(text).toContain('Es la segunda vez que me cobran dos veces el mismo mes.')
    expect(text).toContain('Respuesta del cliente: Facturación')
    expect(text).toContain('Guion Recepción de quejas y reclamos, versión 1')
    expect(text).toContain('Cerrar con la tipificación Reclamo escalado')
    expect(text).toContain(
      'Ruta según «Del 1 al 5, ¿cuánto le ha afectado?» Registrar la queja: Facturación'
    )
    expect(text).not.toMatch(/pick-category|create-billing|close-route/)
  })

  it('reads the same in English, with the customer’s English lines', async () => {
    const { text } = await render(<ScenarioDetail detail={detailOf('win-back-high-value')} />, 'en')
    expect(text).toContain('Win back a high-value customer')
    expect(text).toContain('Compensate within authority: up to $100.00')
    expect(text).toContain('This is the second time you have charged me twice for the same month.')
  })

  it('names the objection the customer raises and the unknown caller’s missing record', async () => {
    expect(
      (await render(<ScenarioDetail detail={detailOf('retention-objections')} />)).text
    ).toMatch(/Pone una objeción: se atiende con «objection-\w+»/)
    expect((await render(<ScenarioDetail detail={detailOf('unknown-caller')} />)).text).toContain(
      'Sin ficha: llamante desconocido'
    )
  })

  it('keeps a hostile persona name and line as text', async () => {
    const detail = detailOf('win-back-high-value')
    detail.scenario.persona.firstName = '<img src=x onerror=alert(1)>\u202e'
    detail.scenario.summary = { es: '<script>alert(1)</script>' }
    const { html } = await render(<ScenarioDetail detail={detail} />)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('\u202e')
  })

  it('reads the server away as offline, and falls back to the other language', async () => {
    expect(await loadScenarios(null)).toEqual({ state: 'offline' })
    const away = { send: () => Promise.resolve(fail(appError('unavailable', 'down'))) }
    expect(await loadScenarios(away)).toEqual({ state: 'offline' })
    const refused = { send: () => Promise.resolve(fail(appError('forbidden', 'no'))) }
    expect(await loadScenarios(refused)).toEqual({ state: 'failed', message: 'no' })
    const scenarios = [versionOf('survey-csat-nps')]
    const served = { send: () => Promise.resolve(ok({ scenarios })) }
    expect(await loadScenarios(served)).toEqual({ state: 'ready', value: scenarios })
    expect(localized({ es: 'Hola' }, 'en')).toBe('Hola')
    expect(localized({ es: 'Hola', en: 'Hello' }, 'en')).toBe('Hello')
  })
})
