/**
 * The forms editor as rendered: findings as the admin types, each with its line:column button;
 * the server's findings shown the same way; the seeded form clean with its readable preview; the
 * list of forms and versions with their actions; a published version said to be final; names
 * kept as text; Spanish and English.
 */
import { describe, expect, it } from 'vitest'

import { checkFormSource } from '@shared/evaluations/form-source'
import { groupForms } from '@renderer/features/evaluation-forms/form-versions'
import { FormEditor } from '@renderer/features/evaluation-forms/components/FormEditor'
import { FormPreview } from '@renderer/features/evaluation-forms/components/FormPreview'
import { FormsTable } from '@renderer/features/evaluation-forms/components/FormsTable'
import { FormVersionView } from '@renderer/features/evaluation-forms/components/FormVersionView'
import { SourceIssuesList } from '@renderer/ui/source-editor/SourceIssuesList'

import { buttons, render } from '../../support/render'
import { HOSTILE, SEEDED, version } from './fixtures'

const noop = () => undefined
const upload = () => Promise.resolve({ ok: true as const, data: null })

function editor(source: string) {
  return (
    <FormEditor
      initialSource={source}
      onUpload={upload}
      onUploaded={() => Promise.resolve()}
      onCancel={noop}
    />
  )
}

describe('the editor’s validation', () => {
  it('lists each finding with its line and column, and will not upload until fixed', async () => {
    const broken = SEEDED.replace('id: uses-name', 'id: prompt-greeting')
    const expected = checkFormSource(broken).issues[0]
    expect(expected?.code).toBe('duplicate_id')
    const { html, text } = await render(editor(broken))
    expect(text).toContain('1 problema')
    expect(text).toContain(`${String(expected?.line)}:${String(expected?.column)} Id repetido`)
    expect(html).toContain(
      `aria-label="Ir a la línea ${String(expected?.line)}, columna ${String(expected?.column)}"`
    )
    expect(html).toMatch(/<p role="status" class="source-issues-count">/)
    const send = buttons(html).find((b) => b.text === 'Subir borrador')
    expect(send?.attrs).toContain('disabled')
    expect(text).toContain('Corrige los problemas para poder subirlo.')
  })

  it('says each finding in the UI’s language, the values the form names kept as written', async () => {
    const broken = SEEDED.replace('id: uses-name', 'id: prompt-greeting')
    const es = await render(editor(broken))
    expect(es.text).toContain('Id repetido la pregunta «prompt-greeting» aparece dos veces')
    expect(es.text).not.toContain('question "prompt-greeting" twice')
    const en = await render(editor(broken), 'en')
    expect(en.text).toContain('Repeated id question “prompt-greeting” is there twice')
  })

  it('says a YAML syntax error on its line, with no preview', async () => {
    const { text } = await render(editor('id: x\nsections: [\n'), 'en')
    expect(text).toMatch(/1 problem \d+:\d+ Syntax/)
    expect(text).toContain('The preview shows once the YAML has the shape of a form.')
  })

  it('finds the seeded form clean, uploadable, previewed beside it', async () => {
    const { html, text } = await render(editor(SEEDED))
    expect(text).toContain('Sin problemas: el formulario es válido.')
    expect(buttons(html).find((b) => b.text === 'Subir borrador')?.attrs).not.toContain('disabled')
    expect(text).toContain('Calidad del servicio')
    expect(html).toContain('<label for=')
    expect(text).toContain('Línea 1, columna 1')
  })

  it('shows the server’s findings the same way', async () => {
    const { text, html } = await render(
      <SourceIssuesList
        issues={[{ code: 'bad_condition', message: HOSTILE, line: 40, column: 9 }]}
        onGoTo={noop}
        source="server"
        clean=""
        codeLabel={() => 'Condición'}
        messageOf={(issue) => issue.message}
      />
    )
    expect(text).toContain('1 problema según el servidor 40:9 Condición')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('\u202e')
  })
})

describe('the preview', () => {
  it('reads the seeded form: sections, points, critical items, conditions, the script’s fill-in', async () => {
    const form = checkFormSource(SEEDED).form
    if (!form) throw new Error('the seeded form does not validate')
    const es = await render(<FormPreview form={form} />)
    expect(es.text).toContain('Calidad · aprueba con 80 %')
    // The dimension is not repeated where the section's title already says it.
    expect(es.text).toContain('Accesibilidad Atendió sin demora')
    expect(es.text).toContain(
      'Atendió sin demora y se presentó con el saludo del centro 5 puntos Sí / No'
    )
    expect(es.text).toContain('Escala de 1 a 5')
    expect(es.text).toContain('Admite «No aplica»')
    expect(es.text).toContain('Comentario obligatorio si pierde puntos')
    expect(es.text).toContain('Se rellena del guion: pasos obligatorios confirmados')
    expect(es.text).toMatch(/Crítica: (suspende la evaluación|anula la sección)/)
    const en = await render(<FormPreview form={form} />, 'en')
    expect(en.text).toContain('Quality · passes at 80%')
    expect(en.text).toContain('Answered promptly and introduced themselves')
  })
})

describe('the list and a version', () => {
  const actions = { view: noop, newVersion: noop, publish: noop, setRetired: noop }

  it('lists forms and versions with their actions', async () => {
    const groups = groupForms([
      version(),
      version({ version: 2, status: 'draft', publishedAt: null, evaluations: 0 })
    ])
    const { html, text } = await render(
      <FormsTable groups={groups} actions={actions} busy={false} />
    )
    expect(text).toContain('Calidad del servicio service-quality Calidad Nueva versión Retirar')
    expect(text).toContain('Versión 2 Borrador — 0 Ver Publicar')
    expect(text).toContain('Versión 1 Publicada En uso 1 dic 2026 14 Ver')
    expect(html).toContain('aria-label="Publicar la versión 2 de Calidad del servicio"')
    expect(html).toContain('aria-label="Nueva versión de Calidad del servicio"')
  })

  it('offers to bring a retired form back, and keeps a hostile title as text', async () => {
    const groups = groupForms([version({ retired: true, title: { es: HOSTILE } })])
    const { html, text } = await render(
      <FormsTable groups={groups} actions={actions} busy={false} />,
      'en'
    )
    expect(text).toContain('Retired')
    expect(buttons(html).map((b) => b.text)).toContain('Restore')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('\u202e')
  })

  it('says a published version never changes, beside its numbered YAML', async () => {
    const { html, text } = await render(
      <FormVersionView version={version()} onNewVersion={noop} onPublish={noop} busy={false} />
    )
    expect(text).toContain(
      'Una versión publicada no cambia nunca: para corregirla, sube una versión nueva.'
    )
    expect(text).toContain('la usan 14 evaluaciones')
    expect(buttons(html).map((b) => b.text)).toEqual(['Nueva versión a partir de la 1'])
    expect(html).toContain('<span class="source-code-number" aria-hidden="true">1</span>')
    const draft = await render(
      <FormVersionView
        version={version({ status: 'draft', publishedAt: null })}
        onNewVersion={noop}
        onPublish={noop}
        busy={false}
      />,
      'en'
    )
    expect(draft.text).toContain('Draft: nobody uses it yet. Publishing it makes it final.')
    expect(buttons(draft.html).map((b) => b.text)).toEqual([
      'New version from version 1',
      'Publish'
    ])
  })
})
