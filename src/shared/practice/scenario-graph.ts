/**
 * The script seen from a scenario: which nodes belong to the main flow (reachable from the
 * start, as opposed to nodes only a jump leads to) and where the run can go more than one way.
 */
import { reachable, successors } from '../scripts/script-graph'
import { findNode, type Script, type ScriptNode } from '../scripts/schema'

const mainFlows = new WeakMap<Script, Set<string>>()

/** Ids reachable from the start without taking a jump (cached: parsed scripts are immutable). */
export function mainFlowNodes(script: Script): ReadonlySet<string> {
  let found = mainFlows.get(script)
  if (!found) {
    found = reachable(script, [script.start])
    mainFlows.set(script, found)
  }
  return found
}

/** Whether the run can leave `node` for more than one node: a branch, or a choice with targets. */
export function isDecision(node: ScriptNode): boolean {
  return new Set(successors(node)).size > 1
}

/** The decision nodes of an expected path with the node each should lead to, in path order. */
export function decisionsOf(
  script: Script,
  path: readonly string[]
): { index: number; nodeId: string; expectedNext: string }[] {
  return path.flatMap((nodeId, index) => {
    const node = findNode(script, nodeId)
    const expectedNext = path[index + 1]
    return node && expectedNext !== undefined && isDecision(node)
      ? [{ index, nodeId, expectedNext }]
      : []
  })
}
