/**
 * Every visible text of a script with its document path and owning node, so translation and
 * variable checks cover all of them and none is forgotten when the model grows.
 */
import type { DocPath } from './issues'
import type { LocalizedText } from './localized-text'
import type { Script, ScriptNode } from './schema'

export interface PlacedText {
  text: LocalizedText
  path: DocPath
  nodeId: string | null
}

function nodeTexts(node: ScriptNode, at: DocPath): PlacedText[] {
  const found: PlacedText[] = []
  const add = (text: LocalizedText | undefined, ...rest: DocPath): void => {
    if (text) found.push({ text, path: [...at, ...rest], nodeId: node.id })
  }
  add(node.title, 'title')
  switch (node.kind) {
    case 'say':
      add(node.text, 'text')
      break
    case 'ask':
      add(node.prompt, 'prompt')
      if (node.answer.type === 'choice') {
        node.answer.options.forEach((o, i) => {
          add(o.label, 'answer', 'options', i, 'label')
        })
      }
      break
    case 'action':
      add(node.text, 'text')
      if (node.action.type === 'create_complaint')
        add(node.action.description, 'action', 'description')
      if (node.action.type === 'schedule_callback') add(node.action.note, 'action', 'note')
      break
    case 'end':
      add(node.text, 'text')
      break
    case 'branch':
      break
  }
  return found
}

/** All texts in document order. */
export function scriptTexts(script: Script): PlacedText[] {
  const found: PlacedText[] = [{ text: script.title, path: ['title'], nodeId: null }]
  if (script.description)
    found.push({ text: script.description, path: ['description'], nodeId: null })
  script.dispositions.forEach((d, i) => {
    found.push({ text: d.label, path: ['dispositions', i, 'label'], nodeId: null })
  })
  ;(script.jumps ?? []).forEach((j, i) => {
    found.push({ text: j.label, path: ['jumps', i, 'label'], nodeId: null })
  })
  script.nodes.forEach((n, i) => found.push(...nodeTexts(n, ['nodes', i])))
  return found
}
