/**
 * A string matching a simple regular expression, for `pattern` in a JSON schema: literals,
 * escapes (\d \w \s \. …), classes with ranges, groups with alternation, and the quantifiers
 * ? * + {n} {n,m}. Enough for the patterns of this contract; anything else throws, naming the
 * pattern, so a new one is noticed rather than guessed.
 */
import type { Rng } from './prng'

type Node =
  | { kind: 'chars'; chars: string[] }
  | { kind: 'group'; alternatives: Node[][] }
  | { kind: 'repeat'; node: Node; min: number; max: number }

const DIGITS = Array.from('0123456789')
const WORD = Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')
/** Quantifiers without an upper bound repeat at most this often. */
const OPEN_MAX = 3

function range(from: string, to: string): string[] {
  const out: string[] = []
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out.push(String.fromCharCode(c))
  return out
}

class Parser {
  private i = 0
  constructor(private readonly source: string) {}

  fail(why: string): never {
    throw new Error(`regex-sample: ${why} at ${this.i} in /${this.source}/`)
  }

  parse(): Node[][] {
    const alternatives = this.alternatives()
    if (this.i < this.source.length) this.fail('unexpected )')
    return alternatives
  }

  private alternatives(): Node[][] {
    const out: Node[][] = [this.sequence()]
    while (this.source[this.i] === '|') {
      this.i++
      out.push(this.sequence())
    }
    return out
  }

  private sequence(): Node[] {
    const nodes: Node[] = []
    for (;;) {
      const c = this.source[this.i]
      if (c === undefined || c === '|' || c === ')') return nodes
      if (c === '^' || c === '$') {
        this.i++
        continue
      }
      nodes.push(this.quantified(this.atom()))
    }
  }

  private atom(): Node {
    const c = this.source[this.i++]
    if (c === '(') {
      if (this.source.startsWith('?:', this.i)) this.i += 2
      else if (this.source[this.i] === '?') this.fail('lookaround is not supported')
      const alternatives = this.alternatives()
      if (this.source[this.i++] !== ')') this.fail('missing )')
      return { kind: 'group', alternatives }
    }
    if (c === '[') return { kind: 'chars', chars: this.charClass() }
    if (c === '\\') return { kind: 'chars', chars: this.escape() }
    if (c === '.') return { kind: 'chars', chars: WORD }
    if (c === undefined || '*+?{'.includes(c)) this.fail('nothing to repeat')
    return { kind: 'chars', chars: [c] }
  }

  private escape(): string[] {
    const c = this.source[this.i++]
    if (c === 'd') return DIGITS
    if (c === 'w') return WORD
    if (c === 's') return [' ']
    if (c === undefined || /[A-Za-z0-9]/.test(c)) this.fail(`escape \\${c ?? ''}`)
    return [c]
  }

  private charClass(): string[] {
    if (this.source[this.i] === '^') this.fail('negated class')
    const chars: string[] = []
    while (this.source[this.i] !== ']') {
      let c = this.source[this.i++]
      if (c === undefined) this.fail('missing ]')
      if (c === '\\') {
        const escaped = this.escape()
        if (escaped.length > 1) {
          chars.push(...escaped)
          continue
        }
        c = escaped[0] ?? ''
      }
      const to = this.source[this.i + 1]
      if (this.source[this.i] === '-' && to !== undefined && to !== ']') {
        this.i += 2
        chars.push(...range(c, to))
      } else {
        chars.push(c)
      }
    }
    this.i++
    return chars
  }

  private quantified(node: Node): Node {
    const c = this.source[this.i]
    if (c === '?') return this.bounded(node, 0, 1, 1)
    if (c === '*') return this.bounded(node, 0, OPEN_MAX, 1)
    if (c === '+') return this.bounded(node, 1, OPEN_MAX, 1)
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i))
      if (!m) this.fail('bad {…}')
      const min = Number(m[1])
      const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : min + OPEN_MAX
      return this.bounded(node, min, max, m[0].length)
    }
    return node
  }

  private bounded(node: Node, min: number, max: number, width: number): Node {
    this.i += width
    return { kind: 'repeat', node, min, max }
  }
}

function render(nodes: Node[], rng: Rng): string {
  return nodes.map((node) => renderNode(node, rng)).join('')
}

function renderNode(node: Node, rng: Rng): string {
  switch (node.kind) {
    case 'chars':
      return rng.pick(node.chars)
    case 'group':
      return render(rng.pick(node.alternatives), rng)
    case 'repeat': {
      // Short values: a few repetitions are as valid as forty and read better in reports.
      const count = rng.int(node.min, Math.min(node.max, node.min + OPEN_MAX))
      return Array.from({ length: count }, () => renderNode(node.node, rng)).join('')
    }
  }
}

/** A string matching `pattern`, checked against it before it is returned. */
export function sampleRegex(pattern: string, rng: Rng): string {
  const alternatives = new Parser(pattern).parse()
  const value = render(rng.pick(alternatives), rng)
  if (!new RegExp(pattern).test(value)) {
    throw new Error(`regex-sample: ${JSON.stringify(value)} does not match /${pattern}/`)
  }
  return value
}
