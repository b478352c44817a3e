/**
 * The shortcut table in docs/agent-desk.md is generated from the keyboard map (the same rows the
 * sheet shows, in English, keys as off a Mac): a shortcut added, moved or renamed fails here
 * until the docs say so, and the failure prints the table to paste.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import { keyCaps, shortcutContexts, shortcuts, type KeyCap } from '@shared/keyboard'
import en from '@renderer/i18n/en.json'

const root = resolve(import.meta.dirname, '../../..')
const BEGIN = '<!-- shortcuts:begin (generated: test/unit/tooling/keyboard-docs.test.ts) -->'
const END = '<!-- shortcuts:end -->'

const text = (cap: KeyCap): string => ('text' in cap ? cap.text : en.shortcuts.keys[cap.name])

/** Reads a dotted key of the English catalogue ('shortcuts.actions.call.answer'). */
function english(key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => {
    return typeof node === 'object' && node !== null
      ? (node as Record<string, unknown>)[part]
      : undefined
  }, en)
  if (typeof value !== 'string') throw new Error(`no English text for ${key}`)
  // i18next nesting, as the sheet resolves it: 'Go to $t(workspaces.team)'.
  return value.replace(/\$t\(([^)]+)\)/g, (_, nested: string) => english(nested))
}

function expectedTable(): string {
  const rows = shortcutContexts.flatMap((context) =>
    shortcuts
      .filter((s) => s.context === context)
      .map((s) => {
        const keys = s.keys
          .map((chord) => `\`${keyCaps(chord, 'other').map(text).join('+')}\``)
          .join(' ')
        const typing = s.whileTyping ? '' : ' (not in a text field)'
        return `| ${keys} | ${english(s.description)}${typing} | ${context} | \`${s.id}\` |`
      })
  )
  return ['| Keys | What it does | Context | Id |', '| --- | --- | --- | --- |', ...rows].join('\n')
}

/** The table's cells, trimmed, so Prettier's column padding does not matter. */
function cells(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .filter((line) => !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim())
    )
}

describe('the shortcut table in docs/agent-desk.md', () => {
  it('is the keyboard map', () => {
    const doc = readFileSync(resolve(root, 'docs/agent-desk.md'), 'utf8')
    const start = doc.indexOf(BEGIN)
    const end = doc.indexOf(END)
    expect(start, `add ${BEGIN} … ${END} around the table`).toBeGreaterThan(-1)
    const table = doc.slice(start + BEGIN.length, end)
    // On failure the expected side is the table to paste (then run Prettier on the docs).
    expect(cells(table), expectedTable()).toEqual(cells(expectedTable()))
  })
})
