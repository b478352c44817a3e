/**
 * The validators' findings in the UI's language: every kind of finding of the scenarios' and the
 * forms' validators has its Spanish and English text, with every value it names filled in; the
 * broken fixtures' findings carry exactly the values their kind names; a finding without a
 * detail (an older server, the parser's words) or with one the desk does not know keeps its
 * message; and hostile values stay text.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { formFindings } from '@shared/evaluations/validate-form'
import { checkFormSource } from '@shared/evaluations/form-source'
import { checkScenarioSource, scenarioFindings } from '@shared/practice'
import type { FindingCatalog } from '@shared/yaml/finding-detail'
import { yamlErrorCodes } from '@shared/yaml/located-yaml'
import { ScenarioEditor } from '@renderer/features/scenario-authoring/components/ScenarioEditor'
import { translations } from '@renderer/i18n/resources'
import { findingMessage, shapeMessagesFor } from '@renderer/ui/source-editor'
import { SourceIssuesList } from '@renderer/ui/source-editor/SourceIssuesList'

import { brokenDir, bundledScripts } from '../../shared/practice/support'
import { SEEDED } from '../features/evaluation-forms/fixtures'
import { render, translator } from '../support/render'

const catalogs: [string, FindingCatalog, string][] = [
  ['scenario', scenarioFindings, 'scenarioAuthoring.findings'],
  ['form', formFindings, 'evaluationForms.issues.findings']
]

const lookup = (tree: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      tree
    )

/** Every kind of every catalog, with a sample value for each name it names. */
const kinds = catalogs.flatMap(([what, catalog, prefix]) =>
  Object.entries(catalog).flatMap(([code, byKind]) =>
    Object.entries(byKind).map(([key, names]) => ({
      what,
      catalog,
      prefix,
      code,
      key,
      params: Object.fromEntries(names.map((n, i) => [n, `v${String(i)}-${n}`]))
    }))
  )
)

describe('the findings’ words', () => {
  it.each(kinds.map((k) => [`${k.what} ${k.code}.${k.key}`, k] as const))(
    '%s: Spanish and English, every value filled in',
    async (_, { catalog, prefix, code, key, params }) => {
      for (const language of ['es', 'en'] as const) {
        expect(typeof lookup(translations[language], `${prefix}.${code}.${key}`), language).toBe(
          'string'
        )
        const say = findingMessage(await translator(language), catalog, prefix)
        const text = say({ code, message: 'english', line: 1, column: 1, detail: { key, params } })
        expect(text).not.toBe('english')
        expect(text).not.toMatch(/\{\{|\}\}/)
        for (const value of Object.values(params)) expect(text, language).toContain(value)
      }
    }
  )

  it('every code but syntax and schema has its kinds', () => {
    expect(Object.keys(scenarioFindings)).toHaveLength(18)
    expect(Object.keys(formFindings)).toHaveLength(7)
  })

  it('the fixtures’ findings name exactly the values of their kind', () => {
    const scenarios = readdirSync(brokenDir).flatMap(
      (f) => checkScenarioSource(readFileSync(join(brokenDir, f), 'utf8'), bundledScripts).issues
    )
    const forms = [
      'id: uses-name|id: prompt-greeting',
      'weight: 2|weight: 0',
      '{ es: Tono, en: Tone }|{ es: Tono }',
      'kind: scale|kind: yes_no'
    ].flatMap((swap) => {
      const [from = '', to = ''] = swap.split('|')
      return checkFormSource(SEEDED.replace(from, to)).issues
    })
    const detailed = [
      ...scenarios.map((i) => [scenarioFindings, i] as const),
      ...forms.map((i) => [formFindings, i] as const)
    ].filter(([, i]) => i.code !== 'syntax' && i.code !== 'schema')
    expect(detailed.length).toBeGreaterThan(20)
    for (const [catalog, issue] of detailed) {
      const names: readonly string[] | undefined = issue.detail
        ? (catalog as FindingCatalog)[issue.code]?.[issue.detail.key]
        : undefined
      expect(names, `${issue.code}: ${issue.message}`).toBeDefined()
      expect(Object.keys(issue.detail?.params ?? {}).sort()).toEqual([...(names ?? [])].sort())
    }
  })
})

describe('a finding said in the UI’s language', () => {
  const issue = {
    code: 'bad_path',
    message: '"greet" never leads to "close"',
    line: 24,
    column: 5,
    detail: { key: 'neverLeads', params: { from: 'greet', to: 'close' } }
  }

  it('keeps the message when the desk cannot say it', async () => {
    const say = findingMessage(
      await translator('es'),
      scenarioFindings,
      'scenarioAuthoring.findings'
    )
    const older = { code: issue.code, message: issue.message, line: 24, column: 5 }
    expect(say(older)).toBe(issue.message)
    expect(say({ ...issue, detail: { key: 'fromTheFuture', params: {} } })).toBe(issue.message)
    expect(say({ ...issue, detail: { key: 'neverLeads', params: { from: 'greet' } } })).toBe(
      issue.message
    )
    expect(say({ ...issue, detail: { key: 'toString', params: {} } })).toBe(issue.message)
    expect(say({ ...issue, code: 'syntax', detail: { key: 'x', params: {} } })).toBe(issue.message)
    expect(say(issue)).toBe('«greet» nunca lleva a «close»')
  })

  it('fills a hostile value in once, as text', async () => {
    const say = findingMessage(
      await translator('en'),
      scenarioFindings,
      'scenarioAuthoring.findings'
    )
    const hostile = { from: '{{to}} $t(sourceEditor.cancel)', to: '<img src=x onerror=alert(1)>' }
    const text = say({ ...issue, detail: { key: 'neverLeads', params: hostile } })
    expect(text).toBe(
      '“{{to}} $t(sourceEditor.cancel)” never leads to “<img src=x onerror=alert(1)>”'
    )
    const { html } = await render(
      <SourceIssuesList
        issues={[{ ...issue, detail: { key: 'neverLeads', params: hostile } }]}
        onGoTo={() => undefined}
        source="server"
        clean=""
        codeLabel={() => 'Recorrido'}
        messageOf={say}
      />
    )
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img')
  })
})

describe('the scenario editor', () => {
  const editor = (file: string) => (
    <ScenarioEditor
      initialSource={readFileSync(join(brokenDir, file), 'utf8')}
      onUpload={() => Promise.resolve({ ok: false as const, reason: 'offline' as const })}
      onUploaded={() => Promise.resolve()}
      onCancel={() => undefined}
    />
  )

  it('says the findings as the trainer types in Spanish and in English', async () => {
    const es = await render(editor('path-skips-a-node.yaml'))
    expect(es.text).toMatch(/24:\d+ Recorrido «[a-z-]+» nunca lleva a «inform»/)
    expect(es.text).not.toContain('"reason" never leads')
    const en = await render(editor('path-skips-a-node.yaml'), 'en')
    expect(en.text).toMatch(/24:\d+ Path “[a-z-]+” never leads to “inform”/)
    const phone = await render(editor('persona-phone.yaml'))
    expect(phone.text).toContain(
      'podría ser una línea real: usa un número reservado para la ficción'
    )
  })
})

describe("a shape finding in zod's own words, in the editor's language", () => {
  it('Spanish from zod’s locale; English as zod says it; a schema’s own message as written', () => {
    const source = SEEDED.replace('passMark: 80', "passMark: 'eighty'")
    const spanish = checkFormSource(source, shapeMessagesFor('es')).issues
    expect(spanish[0]).toMatchObject({ code: 'schema' })
    expect(spanish[0]?.message).toMatch(/^passMark: Entrada inválida: se esperaba número/)
    const english = checkFormSource(source, shapeMessagesFor('en')).issues
    expect(english[0]?.message).toMatch(/^passMark: Invalid input: expected number/)
    // Without a language (the CLI, the server), zod's default words.
    expect(checkFormSource(source).issues[0]?.message).toBe(english[0]?.message)
  })
})

describe('a syntax error in the editor’s language, from the parser’s code', () => {
  it('has es and en text for every code the parser has', () => {
    for (const lang of ['es', 'en'] as const) {
      for (const code of yamlErrorCodes) {
        expect(typeof lookup(translations[lang], `sourceEditor.syntax.${code}`), code).toBe(
          'string'
        )
      }
    }
  })

  it('says a repeated field in Spanish', async () => {
    const t = await translator('es')
    const issues = checkFormSource(`${SEEDED}\nid: twice\n`).issues
    expect(issues[0]).toMatchObject({ code: 'syntax', detail: { key: 'DUPLICATE_KEY' } })
    const say = findingMessage(t, formFindings, 'evaluationForms.issues.findings')
    expect(say(issues[0] ?? { code: 'syntax', message: '', line: 1, column: 1 })).toBe(
      'Campo repetido: cada campo aparece una sola vez en su nivel.'
    )
    // A code this desk does not know (a newer parser on the server) keeps the parser's words.
    const unknown = {
      code: 'syntax',
      message: 'Odd',
      line: 1,
      column: 1,
      detail: { key: 'NEW', params: {} }
    }
    expect(say(unknown)).toBe('Odd')
  })
})

describe('text no source may hold, in the editor’s language', () => {
  it('names the field with the control character, in es and en', async () => {
    const source = SEEDED.replace('es: Calidad del servicio', 'es: "Calidad\\u0007"')
    const issues = checkFormSource(source).issues
    expect(issues[0]).toMatchObject({
      code: 'schema',
      detail: { key: 'control', params: { field: 'title.es' } }
    })
    const issue = issues[0] ?? { code: 'schema', message: '', line: 1, column: 1 }
    const prefix = 'evaluationForms.issues.findings'
    expect(findingMessage(await translator('es'), formFindings, prefix)(issue)).toBe(
      'title.es: contiene un carácter de control'
    )
    expect(findingMessage(await translator('en'), formFindings, prefix)(issue)).toBe(issue.message)
  })
})
