/**
 * The scenario library in the Training workspace: the server seeds the four sample scenarios;
 * a trainer reads one whole (the fictional customer, what passes, the path with the customer's
 * lines) in Spanish and English, and axe finds nothing serious on it.
 */
import { expect, test } from './fixtures'
import { seriousViolations } from './support/axe'

test('a trainer reads a seeded practice scenario: persona, goals and the customer’s lines', async ({
  workstation,
  page
}) => {
  await workstation.login('tomas')
  await workstation.goTo('Formación')
  const library = page.getByRole('region', { name: 'Escenarios de práctica' })
  // The four samples, each with its fictional customer and script.
  await expect(library.getByRole('button', { name: /· guion / })).toHaveCount(4)
  const winBack = library.getByRole('button', { name: /Recuperar a una clienta de alto valor/ })
  await winBack.click()
  await expect(winBack).toHaveAttribute('aria-pressed', 'true')
  const detail = library.getByRole('article', { name: 'Recuperar a una clienta de alto valor' })
  await expect(detail.getByRole('region', { name: 'Cliente ficticio' })).toContainText(
    'Marta Vidal'
  )
  await expect(detail).toContainText('Compensar dentro de la autoridad: hasta 100,00 US$')
  await expect(detail).toContainText('Es la segunda vez que me cobran dos veces el mismo mes.')
  expect.soft(await seriousViolations(page), 'axe on the scenario library').toEqual([])

  await workstation.setLanguage('en')
  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('button', { name: 'Training', exact: true })
    .click()
  const english = page.getByRole('region', { name: 'Practice scenarios' })
  await english.getByRole('button', { name: /Win back a high-value customer/ }).click()
  await expect(english).toContainText('This is the second time you have charged me twice')
})
