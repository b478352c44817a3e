/**
 * Which published forms a new evaluation of a call may use, as the server decides it: the latest
 * version of each form not retired, of the call's kind (quality for production calls, training
 * for practice ones, never mixed), whose scope names the agent's team (or no team) and, when the
 * call's script run names a script, that script (or no script).
 */
import { pickText } from '@shared/scripts/localized-text'
import type { PublishedForm } from '@shared/evaluations/evaluation'

export interface CallForForms {
  practice: boolean
  /**
   * The agent's team; null when this desk cannot tell yet (an admin offline): teams then narrow
   * nothing and the server, which knows, has the last word.
   */
  teamId: string | null
  /** The script the call's run names; null when it ran none or the facts are not in yet. */
  scriptId: string | null
}

/** The latest version of each form (a desk may hold several versions of one). */
function latestVersions(forms: readonly PublishedForm[]): PublishedForm[] {
  const latest = new Map<string, PublishedForm>()
  for (const form of forms) {
    const known = latest.get(form.formId)
    if (known === undefined || known.version < form.version) latest.set(form.formId, form)
  }
  return [...latest.values()]
}

export function formApplies(form: PublishedForm, call: CallForForms): boolean {
  if (form.retired) return false
  if (form.kind !== (call.practice ? 'training' : 'quality')) return false
  const { teams, scripts } = form.definition.scope
  if (teams.length > 0 && call.teamId !== null && !teams.includes(call.teamId)) return false
  if (scripts.length > 0 && call.scriptId !== null && !scripts.includes(call.scriptId)) {
    return false
  }
  return true
}

/** The forms to pick from, by title in the evaluator's language. */
export function applicableForms(
  forms: readonly PublishedForm[],
  call: CallForForms,
  language: 'es' | 'en'
): PublishedForm[] {
  const title = (f: PublishedForm) => pickText(f.definition.title, language)
  return latestVersions(forms)
    .filter((f) => formApplies(f, call))
    .sort((a, b) => title(a).localeCompare(title(b), language))
}

/** A form version's key in a picker: `formId@version`. */
export const formKey = (form: Pick<PublishedForm, 'formId' | 'version'>): string =>
  `${form.formId}@${String(form.version)}`

/**
 * The form a new evaluation starts with: one scoped to this call's script or team before a
 * general one (the most specific form is the one written for this kind of call).
 */
export function preferredForm(forms: readonly PublishedForm[]): PublishedForm | null {
  const specificity = (f: PublishedForm) =>
    (f.definition.scope.scripts.length > 0 ? 2 : 0) + (f.definition.scope.teams.length > 0 ? 1 : 0)
  let best: PublishedForm | null = null
  for (const form of forms) if (best === null || specificity(form) > specificity(best)) best = form
  return best
}
