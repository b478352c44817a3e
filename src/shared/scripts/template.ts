/**
 * Variables in script texts: `{{customer.firstName}}`, `{{answers.<nodeId>}}`. Values come from
 * callers and agents, so they are hostile: they are sanitised (no bidi overrides or control
 * characters) and returned as plain text parts. Nothing here produces HTML; React renders the
 * parts as text.
 */
import type { Language } from '../domain/customer'
import { sanitizeDisplayText } from '../domain/text'
import { customerFields, type CustomerField } from './condition-schema'

export type VariableRef =
  | { kind: 'customer'; field: CustomerField }
  | { kind: 'answer'; nodeId: string }
  | { kind: 'invalid'; reason: string }

export type TextPart =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; name: string; value: string; resolved: boolean }

const TOKEN = /\{\{(.*?)\}\}/g

/** Classifies the inside of `{{ … }}`. */
export function parseVariable(raw: string): VariableRef {
  const name = raw.trim()
  const [scope, key, ...rest] = name.split('.')
  if (key === undefined || key === '' || rest.length > 0) {
    return { kind: 'invalid', reason: `"${name}" is not scope.name` }
  }
  if (scope === 'customer') {
    const field = customerFields.find((f) => f === key)
    return field
      ? { kind: 'customer', field }
      : { kind: 'invalid', reason: `customer.${key} is not a customer field` }
  }
  if (scope === 'answers') return { kind: 'answer', nodeId: key }
  return { kind: 'invalid', reason: `unknown scope "${scope ?? ''}" (use customer or answers)` }
}

/** Every variable a text uses, with its raw name, for the validator. */
export function variablesIn(text: string): { name: string; ref: VariableRef }[] {
  return [...text.matchAll(TOKEN)].map((m) => {
    const inner = m[1] ?? ''
    return { name: inner.trim(), ref: parseVariable(inner) }
  })
}

/** Looks a variable up; undefined when it has no value yet (unanswered, no customer). */
export type VariableLookup = (ref: VariableRef) => string | undefined

/** Splits a text into literal and variable parts, resolving each variable through `lookup`. */
export function renderTemplate(text: string, lookup: VariableLookup): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > last) parts.push({ kind: 'text', text: text.slice(last, m.index) })
    const inner = m[1] ?? ''
    const found = lookup(parseVariable(inner))
    parts.push({
      kind: 'variable',
      name: inner.trim(),
      value: found === undefined ? '' : sanitizeDisplayText(found),
      resolved: found !== undefined
    })
    last = m.index + m[0].length
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) })
  return parts
}

/** The parts joined as one plain string. */
export function partsToText(parts: readonly TextPart[]): string {
  return parts.map((p) => (p.kind === 'text' ? p.text : p.value)).join('')
}

const yesNoWords: Record<Language, { yes: string; no: string }> = {
  es: { yes: 'sí', no: 'no' },
  en: { yes: 'yes', no: 'no' }
}

/** How a yes/no answer reads inside a sentence. */
export function yesNoWord(value: boolean, language: Language): string {
  return value ? yesNoWords[language].yes : yesNoWords[language].no
}
