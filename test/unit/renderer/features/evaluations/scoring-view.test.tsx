/**
 * The scoring view rendered in Spanish and English: the region and its form picker, each
 * question by kind (a radio group named by its text, "No aplica" only where allowed, the
 * scale's numbers, the choices, a text area), help, critical items, the script's answers,
 * conditional questions, the live score, required comments, and publishing held back with
 * the reasons. Names from records stay text.
 */
import { describe, expect, it } from 'vitest'

import type { LocalEvaluation } from '@shared/contract/worker'
import type { EvaluationAnswer } from '@shared/evaluations/answers'
import { ScoreRail } from '@renderer/features/evaluations/components/ScoreRail'
import { ScoringSession } from '@renderer/features/evaluations/components/ScoringSession'
import type { ScoringTarget } from '@renderer/features/evaluations'

import { render, textOf } from '../../support/render'
import {
  AGENT_ID,
  answer,
  evaluation,
  HOSTILE,
  published,
  SEEDED,
  SMALL,
  TEAM,
  yes
} from './fixtures'
import { buttonTag, questionHtml, radioLabels, sheetOf, statusText } from './render-helpers'

const target: ScoringTarget = {
  agentId: AGENT_ID,
  agentName: 'Ana Ortiz',
  teamId: TEAM,
  callId: 'call-1',
  interactionId: '22222222-2222-4222-8222-222222222222',
  practice: false,
  at: '2026-12-05T10:00:00Z'
}

const complete: EvaluationAnswer[] = [
  yes('greeting'),
  yes('hold'),
  answer('tone', 4, { comment: 'Algo seco al final' }),
  yes('identity'),
  answer('unhappy', 'no'),
  answer('notes', 'Buen trabajo')
]

function scoring(
  answers: readonly EvaluationAnswer[],
  language: 'es' | 'en' = 'es',
  over: { draft?: Partial<LocalEvaluation>; target?: Partial<ScoringTarget>; forced?: boolean } = {}
) {
  const form = published(SMALL)
  const draft = evaluation({ state: 'draft', answers: [...answers], ...over.draft })
  return render(
    <ScoringSession
      target={{ ...target, ...over.target }}
      draft={draft}
      initialForm={form}
      forms={[form, published(SEEDED)]}
      calibrationForced={over.forced ?? false}
      facts={{ state: { status: 'loading', context: null }, refresh: () => Promise.resolve(null) }}
      dispositionLabel={(code) => code}
      onReleased={() => undefined}
    />,
    language
  )
}

describe('the scoring view', () => {
  it('is the region "Evaluación de la llamada" with the form picker, the agent and the call', async () => {
    const { html, text } = await scoring([])
    const heading = /<h2 id="([^"]+)">Evaluación de la llamada<\/h2>/.exec(html)
    expect(heading).not.toBeNull()
    expect(html).toContain(`<section class="eval-scoring" aria-labelledby="${heading?.[1] ?? ''}"`)
    expect(text).toContain('Formulario')
    expect(html).toMatch(/<label class="eval-form-picker">Formulario<select/)
    expect(text).toContain('Formulario corto (v1)')
    expect(text).toContain('Calidad del servicio (v1)')
    expect(text).toContain('Ana Ortiz')
    // A saved draft fixes the form: the picker says why it cannot change.
    expect(text).toContain('El formulario queda fijo al guardar el borrador.')
    expect(text).toContain('Evaluación de calibración')
    const en = await scoring([], 'en')
    expect(en.text).toContain('Call evaluation')
    expect(en.html).toMatch(/<label class="eval-form-picker">Form<select/)
  })

  it('names each radio group by its question and offers the answers its kind allows', async () => {
    const { html } = await scoring([])
    const group = (id: string) => {
      const part = questionHtml(html, id)
      const textId = /<span id="([^"]+)" class="eval-question-text">([^<]*)<\/span>/.exec(part)
      const groupTag = /<div[^>]*role="radiogroup"[^>]*>/.exec(part)?.[0] ?? ''
      expect(groupTag).toContain(`aria-labelledby="${textId?.[1] ?? 'missing'}"`)
      return { text: textId?.[2], radios: radioLabels(part), part }
    }
    expect(group('greeting')).toMatchObject({ text: 'Saludó', radios: ['Sí', 'No'] })
    expect(group('hold').radios).toEqual(['Sí', 'No', 'No aplica'])
    expect(group('tone').radios).toEqual(['1', '2', '3', '4', '5'])
    // The help is shown under the question and describes the group.
    expect(group('greeting').part).toContain('Con el saludo del centro')
    // A text question is a text area named by its text; no comment box of its own.
    const notes = questionHtml(html, 'notes')
    expect(notes).toMatch(/<textarea aria-labelledby="[^"]+-text"/)
    expect(notes).not.toContain('Comentario')
    // Every scored question has its own "Comentario".
    expect(questionHtml(html, 'greeting')).toMatch(
      /<label for="([^"]+)" class="visually-hidden">Comentario<\/label><textarea id="\1"/
    )
  })

  it('marks critical items with what they fail, and the script’s answers until changed', async () => {
    const { html } = await scoring([{ ...answer('greeting', 'yes'), autofilled: true }])
    const identity = textOf(questionHtml(html, 'identity'))
    expect(identity).toContain('Crítica si falla, suspende la evaluación')
    expect(textOf(questionHtml(html, 'greeting'))).toContain('Del guion')
    expect(textOf(questionHtml(html, 'hold'))).not.toContain('Del guion')
    const en = await scoring([{ ...answer('greeting', 'yes'), autofilled: true }], 'en')
    expect(textOf(questionHtml(en.html, 'identity'))).toContain(
      'Critical if failed, the evaluation fails'
    )
    expect(textOf(questionHtml(en.html, 'greeting'))).toContain('From the script')
  })

  it('asks a conditional question only while its condition holds', async () => {
    expect(questionHtml((await scoring([answer('unhappy', 'no')])).html, 'recovery')).toBe('')
    const shown = await scoring([answer('unhappy', 'yes')])
    expect(radioLabels(questionHtml(shown.html, 'recovery'))).toEqual(['Lo resolvió', 'Lo ignoró'])
  })

  it('shows the live score: percentage and verdict, a critical failure apart, nothing yet', async () => {
    expect(statusText((await scoring(complete)).html)).toBe('Puntuación 93,3 % · Aprobada')
    expect(statusText((await scoring(complete, 'en')).html)).toBe('Score 93.3% · Passed')
    const critical = [
      ...complete.filter((a) => a.questionId !== 'identity'),
      answer('identity', 'no')
    ]
    expect(statusText((await scoring(critical)).html)).toBe(
      'Puntuación 60 % · Suspendida: fallo crítico'
    )
    expect(statusText((await scoring([])).html)).toBe('Puntuación: sin respuestas todavía')
    // Until all are answered the figure is over what is answered so far, marked provisional.
    const partial = await scoring([yes('greeting'), answer('tone', 3, { comment: 'Seco' })])
    expect(statusText(partial.html)).toBe('Puntuación 75 % · Aprobada')
    expect(partial.text).toContain('Provisional: 2 de 5 respondidas')
  })

  it('scores sections apart: progress until answered, 0 on a failed section-critical item', async () => {
    const failed = [...complete, answer('unhappy', 'yes'), answer('recovery', 'ignored')].filter(
      (a, i, all) => all.findLastIndex((b) => b.questionId === a.questionId) === i
    )
    const { text } = await scoring(failed)
    expect(text).toContain('0 % · fallo crítico')
    expect((await scoring([yes('greeting')])).text).toMatch(/Trato\s*1\/3/)
  })

  it('asks for the comment a lost point needs, and holds publishing back with the reasons', async () => {
    const lost = complete.map((a) => (a.questionId === 'tone' ? answer('tone', 2) : a))
    const { html, text } = await scoring(lost)
    expect(textOf(questionHtml(html, 'tone'))).toContain(
      'Obligatorio: explica por qué pierde puntos'
    )
    expect(questionHtml(html, 'tone')).toContain('aria-required="true"')
    expect(text).toContain('Por completar antes de publicar (1): Falta el comentario Tono')
    // A long list waits until publishing is tried: at first only its count.
    const rail = (insist: boolean) => {
      const sheet = sheetOf(SEEDED, [], insist)
      return render(
        <ScoreRail
          idPrefix="t"
          form={SEEDED}
          score={sheet.score}
          answers={[]}
          progress={sheet.progress}
          problems={sheet.problems}
          problemsId="t-problems"
          insist={insist}
        />
      )
    }
    const calm = await rail(false)
    expect(calm.text).toContain('Por completar antes de publicar (23):')
    expect(calm.text).not.toContain('Sin responder')
    const insisted = await rail(true)
    expect(insisted.text).toContain('Sin responder Atendió sin demora')
    expect(insisted.text).toContain('y 17 más')
    const publish = buttonTag(html, 'Publicar al agente')
    expect(publish).toContain('aria-disabled="true"')
    const problems = /<div id="([^"]+)" class="eval-problems">/.exec(html)?.[1]
    expect(publish).toContain(`aria-describedby="${problems ?? 'missing'}"`)
  })

  it('lets a complete evaluation be published, or submitted when it is a calibration one', async () => {
    const { html, text } = await scoring(complete)
    expect(text).toContain('Lista para publicar.')
    expect(buttonTag(html, 'Publicar al agente')).not.toContain('aria-disabled')
    expect(buttonTag(html, 'Guardar borrador')).not.toContain('disabled')
    const calibration = await scoring(complete, 'es', { draft: { calibration: true } })
    expect(buttonTag(calibration.html, 'Enviar calibración')).not.toBe('')
    const forced = await scoring([], 'en', { forced: true })
    expect(forced.text).toContain('Someone else already evaluated this call')
    expect(buttonTag(forced.html, 'Submit calibration')).toContain('aria-disabled="true"')
  })

  it('keeps names as text', async () => {
    const { html, text } = await scoring([], 'es', { target: { agentName: HOSTILE } })
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(text).not.toContain('\u202e')
  })
})
