/** Answering an evaluation form in the scoring view, as an evaluator would with the mouse. */
import type { Locator } from '@playwright/test'

/** Picks an answer by its visible text: the radio input itself is hidden (react-aria). */
export async function choose(region: Locator, question: string, answer: string): Promise<void> {
  await region
    .getByRole('radiogroup', { name: question })
    .getByText(answer, { exact: true })
    .click()
}

/**
 * Answers every question still unanswered with its best answer ("Sí", a scale's top, a choice's
 * first option), again while conditional questions appear.
 */
export async function answerTheRest(region: Locator): Promise<void> {
  for (let round = 0; round < 3; round++) {
    let answered = 0
    for (const group of await region.getByRole('radiogroup').all()) {
      if ((await group.getByRole('radio', { checked: true }).count()) > 0) continue
      const options = group.locator('.eval-option')
      const labels = (await options.allTextContents()).map((l) => l.trim())
      const numbers = labels.filter((l) => /^\d+$/.test(l))
      const best = labels.includes('Sí')
        ? 'Sí'
        : numbers.length > 0
          ? numbers[numbers.length - 1]
          : labels[0]
      if (best === undefined) continue
      await group.getByText(best, { exact: true }).click()
      answered++
    }
    if (answered === 0) return
  }
}
