/**
 * The script as a graph, for the validator: forward edges, what the start and the jump flows
 * reach, and strongly connected components (Tarjan) to find loops the agent cannot leave.
 */
import { findNode, type Script, type ScriptNode } from './schema'

/** Ids a node can move to. A choice with a per-option `next` fans out to each option's target. */
export function successors(node: ScriptNode): string[] {
  switch (node.kind) {
    case 'branch':
      return [...node.rules.map((r) => r.next), node.default]
    case 'end':
      return []
    case 'ask':
      if (node.answer.type === 'choice') {
        const { next } = node
        const targets = node.answer.options.map((o) => o.next ?? next)
        return targets.filter((t): t is string => t !== undefined)
      }
      return node.next === undefined ? [] : [node.next]
    default:
      return node.next === undefined ? [] : [node.next]
  }
}

/** Whether some way out of the node has no target (a choice option without `next`, say). */
export function lacksExit(node: ScriptNode): boolean {
  if (node.kind === 'end' || node.kind === 'branch') return false
  if (node.kind === 'ask' && node.answer.type === 'choice') {
    return node.next === undefined && node.answer.options.some((o) => o.next === undefined)
  }
  return node.next === undefined
}

/** Ids reachable from `roots` (the roots included), following edges to existing nodes. */
export function reachable(script: Script, roots: readonly string[]): Set<string> {
  const seen = new Set<string>()
  const queue = roots.filter((r) => findNode(script, r))
  while (queue.length > 0) {
    const id = queue.pop()
    if (id === undefined || seen.has(id)) continue
    seen.add(id)
    const node = findNode(script, id)
    if (node) queue.push(...successors(node).filter((s) => findNode(script, s)))
  }
  return seen
}

/** Ids from which one of `targets` can be reached (the targets included). */
export function canReach(script: Script, targets: ReadonlySet<string>): Set<string> {
  const preds = new Map<string, string[]>()
  for (const node of script.nodes) {
    for (const s of successors(node)) preds.set(s, [...(preds.get(s) ?? []), node.id])
  }
  const seen = new Set<string>()
  const queue = [...targets]
  while (queue.length > 0) {
    const id = queue.pop()
    if (id === undefined || seen.has(id)) continue
    seen.add(id)
    queue.push(...(preds.get(id) ?? []))
  }
  return seen
}

/** Strongly connected components that are loops (more than one node, or a node to itself). */
export function loops(script: Script): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (id: string): void => {
    index.set(id, counter)
    low.set(id, counter)
    counter++
    stack.push(id)
    onStack.add(id)
    const node = findNode(script, id)
    const next = node ? successors(node).filter((s) => findNode(script, s)) : []
    for (const s of next) {
      if (!index.has(s)) {
        visit(s)
        low.set(id, Math.min(low.get(id) ?? 0, low.get(s) ?? 0))
      } else if (onStack.has(s)) {
        low.set(id, Math.min(low.get(id) ?? 0, index.get(s) ?? 0))
      }
    }
    if (low.get(id) !== index.get(id)) return
    const component: string[] = []
    let member: string | undefined
    do {
      member = stack.pop()
      if (member === undefined) break
      onStack.delete(member)
      component.push(member)
    } while (member !== id)
    if (component.length > 1 || next.includes(id)) found.push(component)
  }
  // Scripts have at most 500 nodes (schema), so recursion depth stays small.
  for (const node of script.nodes) if (!index.has(node.id)) visit(node.id)
  return found
}
