/**
 * Moving forward into a node: branches resolve on the spot (each leaves a path step naming the
 * rule taken, for analytics) until a step node is reached; an action node emits its effect on
 * entry. Going back or returning from a jump never comes through here, so neither repeats an
 * effect.
 */
import { evaluateCondition } from './evaluate-condition'
import { resolveEffect } from './effects'
import type { RunContext } from './run-context'
import { failed, type Step } from './run-result'
import type { EmittedEffect, JumpFrame, PathStep, RunState } from './run-state'
import { answerOf, conditionInput, variableLookup } from './run-values'
import { findNode, type Script } from './schema'

export type Via = PathStep['via']

/** The state after entering `targetId`, with the effects that entry emitted. */
export function enterNode(
  script: Script,
  state: RunState,
  targetId: string,
  via: Via,
  jumps: JumpFrame[],
  context: RunContext
): Step<{ state: RunState; effects: EmittedEffect[] }> {
  const at = context.now.toISOString()
  const path = [...state.path]
  let id = targetId
  let how = via
  // Each hop through a branch consumes one node; more hops than nodes means a branch loop.
  for (let hops = 0; hops <= script.nodes.length; hops++) {
    const node = findNode(script, id)
    if (!node) return failed('broken_script', `node "${id}" does not exist`, id)
    if (node.kind !== 'branch') {
      path.push({ nodeId: id, enteredAt: at, via: how, jumps })
      if (node.kind !== 'action')
        return { ok: true, data: { state: { ...state, path }, effects: [] } }
      const effect = resolveEffect(
        node.action,
        context,
        variableLookup(script, path, context),
        (nodeId) => {
          const value = answerOf(path, nodeId)
          return typeof value === 'string' ? value : undefined
        }
      )
      if (typeof effect === 'string') return failed('broken_script', effect, id)
      const emitted: EmittedEffect = {
        id: `fx-${state.effects.length + 1}`,
        key: id,
        at,
        effect
      }
      return {
        ok: true,
        data: {
          state: { ...state, path, effects: [...state.effects, emitted] },
          effects: [emitted]
        }
      }
    }
    const input = conditionInput(path, context)
    const rule = node.rules.findIndex((r) => evaluateCondition(r.when, input))
    path.push({ nodeId: id, enteredAt: at, via: how, jumps, rule })
    id = node.rules[rule]?.next ?? node.default
    how = 'branch'
  }
  return failed('broken_script', 'branches loop without reaching a step', targetId)
}
