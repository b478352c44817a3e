/**
 * The ids of a scoring view's sections and questions (each view has its own prefix), and moving
 * the focus to them: the section list and the list of problems jump the keyboard there.
 */
export const sectionDomId = (idPrefix: string, sectionId: string) => `${idPrefix}-s-${sectionId}`
export const questionDomId = (idPrefix: string, questionId: string) => `${idPrefix}-q-${questionId}`
export const problemsDomId = (idPrefix: string) => `${idPrefix}-problems`

/** The element that takes the focus for a question: its chosen radio, else its first field. */
function focusTarget(box: Element | null): HTMLElement | null {
  return (
    box?.querySelector<HTMLElement>('input:checked') ??
    box?.querySelector<HTMLElement>('input, textarea') ??
    null
  )
}

export function focusQuestion(idPrefix: string, questionId: string): void {
  const box = document.getElementById(questionDomId(idPrefix, questionId))
  focusTarget(box)?.focus()
  box?.scrollIntoView({ block: 'nearest' })
}

/** The first asked question of a section. */
export function focusSection(idPrefix: string, sectionId: string): void {
  const section = document.getElementById(sectionDomId(idPrefix, sectionId))
  focusTarget(section?.querySelector('.eval-question') ?? null)?.focus()
  section?.scrollIntoView({ block: 'start' })
}
