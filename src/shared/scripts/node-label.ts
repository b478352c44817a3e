/**
 * A script step in a few words, for reports and libraries that list steps outside the runner:
 * its title, else the start of what it says or asks (placeholders shown as an ellipsis, since
 * there is no customer to fill them). Null for a step that says nothing (a route, a silent
 * action): the caller names it by its kind.
 */
import type { Language } from '../domain/customer'
import { pickText } from './localized-text'
import { findNode, type Script } from './schema'

const PLACEHOLDER = /\{\{[^}]*\}\}/g
const SENTENCE = /.+?[.?!:…](?=\s|$)/g
const WORD = /\p{L}+/gu

/**
 * The first sentence; a greeting that is only a name to fill ("Hola, {{customer.firstName}}.")
 * says nothing of the step, so the next sentence joins it ("Hola, … Le llamo de Atiende…").
 */
function opening(plain: string): string {
  let label = ''
  for (const [sentence] of plain.matchAll(SENTENCE)) {
    label = `${label} ${sentence.trim()}`.trim()
    const words = label.replace(/…/g, ' ').match(WORD)?.length ?? 0
    if (!label.includes('…') || words >= 2) return label
  }
  return label === '' ? plain : label
}

/** The opening of `text`, at most `max` characters, cut at a word. */
function gist(text: string, max: number): string {
  const plain = text.replace(PLACEHOLDER, '…').replace(/…[.]/g, '…').replace(/\s+/g, ' ').trim()
  const sentence = opening(plain)
  if (sentence.length <= max) return sentence
  const cut = sentence.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;.:]+$/, '')}…`
}

export function nodeLabel(
  script: Script,
  nodeId: string,
  language: Language,
  max = 80
): string | null {
  const node = findNode(script, nodeId)
  if (!node) return null
  if (node.title) return gist(pickText(node.title, language), max)
  switch (node.kind) {
    case 'say':
      return gist(pickText(node.text, language), max)
    case 'ask':
      return gist(pickText(node.prompt, language), max)
    case 'action':
    case 'end':
      return node.text ? gist(pickText(node.text, language), max) : null
    case 'branch':
      return null
  }
}

/**
 * An answer to a step in words: a choice by its option's label; anything else (free text,
 * numbers, yes/no as recorded) as it is. Null when the step is not a question of the script.
 */
export function answerLabel(
  script: Script,
  nodeId: string,
  value: unknown,
  language: Language
): string | null {
  const node = findNode(script, nodeId)
  if (node?.kind !== 'ask') return null
  if (node.answer.type === 'choice') {
    const option = node.answer.options.find((o) => o.value === value)
    if (option) return pickText(option.label, language)
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : null
}

/**
 * The step that leads into `nodeId` through its `next` (the question a route decides on), or
 * null when none does or several do. Routes say nothing, so a report names one by its question.
 */
export function stepInto(script: Script, nodeId: string): string | null {
  const into = script.nodes.filter((n) => 'next' in n && n.next === nodeId)
  return into.length === 1 ? (into[0]?.id ?? null) : null
}
