/**
 * The 400 body for an uploaded source (a form, a scenario) with findings: the findings at the top
 * level, which the editors read, and the same in the usual error envelope for every other client.
 */
export function locatedRejection<C extends string, I>(code: C, noun: string, issues: I[]) {
  const message = `The ${noun} has ${String(issues.length)} problem(s)`
  return {
    code,
    message,
    issues,
    error: { code: 'invalid_argument' as const, message, details: { issues } }
  }
}
