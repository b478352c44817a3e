/**
 * The keyboard map in the shell: `?` (or the top bar's keyboard button) opens the sheet, a modal
 * generated from the registry, closed by Escape with the focus given back; `?` typed into a field
 * stays a question mark; Alt+digit and the case tools' keys move around the shell.
 */
import { expect, test } from './fixtures'

test('? opens the shortcut sheet, Escape closes it and the focus returns', async ({
  page,
  workstation: ws
}) => {
  await ws.login('diego')
  const sheet = page.getByRole('dialog', { name: 'Atajos de teclado' })

  // In a text field `?` is a character, not a shortcut.
  const search = page.getByRole('combobox', { name: 'Buscar cliente' })
  await search.focus()
  await page.keyboard.press('?')
  await expect(search).toHaveValue('?')
  await expect(sheet).toHaveCount(0)
  await search.fill('')

  const button = page.getByRole('button', { name: /^Atajos de teclado/ })
  await expect(button).toHaveAttribute('aria-keyshortcuts', 'Shift+?')
  await button.focus()
  await page.keyboard.press('?')
  await expect(sheet).toBeVisible()
  await expect(sheet.getByRole('row', { name: /^Contestar la llamada/ })).toContainText('Alt+A')
  await expect(sheet.getByRole('row', { name: /^Guardar o enviar/ })).toContainText('Ctrl+Intro')
  await expect(sheet.getByRole('row', { name: /^Ir a Quejas/ })).toContainText('Alt+L')
  await expect(sheet.getByRole('heading', { name: 'Llamadas' })).toBeVisible()
  // Only this agent's workspaces, and no system-wide keys in the browser edition.
  await expect(sheet).not.toContainText('Equipo en vivo')
  await expect(sheet).not.toContainText('desde cualquier ventana')
  await page.keyboard.press('Escape')
  await expect(sheet).toHaveCount(0)
  await expect(button).toBeFocused()

  await button.click()
  await expect(sheet).toBeVisible()
  await sheet.getByRole('button', { name: 'Cerrar', exact: true }).click()
  await expect(sheet).toHaveCount(0)
  await expect(button).toBeFocused()
})

test('Alt+L and Alt+1 move between workspaces; Alt+B opens the callback tool', async ({
  page,
  workstation: ws
}) => {
  await ws.login('diego')
  const nav = page.getByRole('navigation', { name: 'Espacios de trabajo' })
  await page.keyboard.press('Alt+L')
  await expect(nav.getByRole('button', { name: 'Quejas' })).toHaveAttribute('aria-current', 'page')
  await page.keyboard.press('Alt+1')
  const desk = nav.getByRole('button', { name: 'Puesto de atención' })
  await expect(desk).toHaveAttribute('aria-current', 'page')
  // An agent has no Team live: its key does nothing.
  await page.keyboard.press('Alt+2')
  await expect(desk).toHaveAttribute('aria-current', 'page')

  await page.keyboard.press('Alt+B')
  const tools = page.getByRole('complementary', { name: 'Herramientas del caso' })
  await expect(tools.getByRole('tab', { name: 'Rellamada' })).toHaveAttribute(
    'aria-selected',
    'true'
  )
})
