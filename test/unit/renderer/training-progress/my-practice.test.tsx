/**
 * "Mis prácticas": the trainee's certification per scenario, recent sessions and weakest steps,
 * in Spanish and English, never a node id; loading until the server answers.
 */
import { describe, expect, it } from 'vitest'

import {
  MyPracticePanel,
  MyPracticeView
} from '@renderer/features/training-progress/components/MyPracticePanel'
import { createTrainingApi } from '@renderer/features/training-progress/training-api'

import { render } from '../support/render'
import { labels, traineeProgress } from './fixtures'

const view = <MyPracticeView progress={traineeProgress} labels={labels} />

describe('my practice', () => {
  it('shows certifications, recent sessions and where I fail most, in Spanish', async () => {
    const { html, text } = await render(view)
    expect(text).toContain('Certificaciones')
    expect(text).toMatch(/Recuperar a una clienta versión 2 Certificado · Certificado el/)
    expect(text).toContain('Encuesta versión 2 1 de 3 prácticas aprobadas 70,0 %')
    expect(text).toContain('Prácticas recientes')
    expect(text).toContain('Individual 91,5 % Aprobada')
    expect(text).toContain('Dónde fallas más')
    expect(text).toContain('Lamento lo ocurrido, … Paso obligatorio')
    expect(text).not.toMatch(/\backnowledge\b/)
    // The trainee's own list: no "how many trainees" column, no buttons to others' reports.
    expect(html).not.toContain('>Participantes</th>')
    expect(html).not.toContain('<button')
  })

  it('reads in English, and says when there is nothing yet', async () => {
    const { text } = await render(view, 'en')
    expect(text).toContain('1 of 3 passed practices')
    expect(text).toContain('Where you fail most')
    const empty = await render(
      <MyPracticeView
        progress={{ ...traineeProgress, sessions: [], weakest: [], certifications: [] }}
        labels={labels}
      />
    )
    expect(empty.text).toContain('Aún no hay sesiones de práctica.')
    expect(empty.text).toContain('Aún no hay fallos registrados.')
  })

  it('is busy until the server answers', async () => {
    const api = createTrainingApi({
      baseUrl: () => '',
      token: () => 't',
      renew: () => Promise.resolve(),
      fetch: () => new Promise<Response>(() => undefined)
    })
    const { html, text } = await render(<MyPracticePanel api={api} />)
    expect(text).toContain('Mis prácticas')
    expect(html).toContain('aria-busy="true"')
  })
})
