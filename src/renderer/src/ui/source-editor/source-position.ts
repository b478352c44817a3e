/** Where a finding is in a source text: 1-based lines and columns, and offsets, both ways. */

/** The offset in `text` of a 1-based line and column (clamped to the text). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset)
    if (next === -1) return text.length
    offset = next + 1
  }
  const end = text.indexOf('\n', offset)
  const lineEnd = end === -1 ? text.length : end
  return Math.min(offset + Math.max(column - 1, 0), lineEnd)
}

/** The 1-based line and column of an offset (the caret's place, shown under the editor). */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)))
  const lines = before.split('\n')
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 }
}

/** The range of a whole line, to select it when a finding is clicked. */
export function lineRange(text: string, line: number): { start: number; end: number } {
  const start = offsetOf(text, line, 1)
  const end = text.indexOf('\n', start)
  return { start, end: end === -1 ? text.length : end }
}
