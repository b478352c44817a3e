/**
 * A raised hand and a visual whisper, both ways: Ana raises her hand from the keyboard during a
 * customer's call (through the phone system), her lead Carla sees it on her floor and answers it
 * with one click; the answer shows on Ana's desk and lowers the hand, Ana acknowledges it from
 * the keyboard and Carla sees it seen. Then Carla sends Ana's running script to a step, and "Go to step" takes her there.
 */
import { expect, test } from './fixtures'
import { seriousViolations } from './support/axe'
import { answerKnownCaller, openKnownCaller } from './support/known-caller'

// bypassCSP lets axe run in Ana's page (see support/axe.ts); the call is real: the phone system.
test.use({ bypassCSP: true, phoneSystem: true })

test('a raised hand and a whisper travel between the desk and the lead', async ({
  colleagues,
  page,
  phones,
  workstation: ana
}) => {
  const [caller] = await Promise.all([openKnownCaller(phones), ana.loginSynced('ana')])
  await answerKnownCaller(ana, 'ana', caller, { keyboard: true })
  await expect(ana.script.step).toContainText('Buenos días, José')

  await page.keyboard.press('Alt+U')
  const hand = page.getByRole('button', { name: /^Mano levantada · \d+:\d\d$/ })
  await expect(hand).toHaveAttribute('aria-pressed', 'true')

  // Carla leads Ana's team: her floor shows the hand; Ana's detail has the composer.
  const carla = await colleagues.open('carla')
  await carla.waitForFirstSync()
  const anaRow = carla.team.agent(/^Ana Ortiz/)
  await expect(anaRow).toContainText('Mano alzada')
  await carla.team.region.getByRole('button', { name: 'Ana Ortiz', exact: true }).click()
  const composer = carla.page
    .getByRole('complementary', { name: 'Ana Ortiz' })
    .getByRole('region', { name: 'Mensaje para Ana Ortiz' })
  await expect(composer.getByRole('textbox', { name: 'Respuesta a la mano' })).toHaveValue(
    'Voy contigo'
  )
  await composer.getByRole('button', { name: 'Responder a la mano' }).click()

  // On Ana's desk: the message beside the script, the hand down, "Got it" from the keyboard.
  const inbox = page.getByRole('region', { name: 'Mensajes del supervisor' })
  await expect(inbox).toContainText('Carla Méndez: «Voy contigo»')
  await expect(page.getByRole('button', { name: 'Levantar la mano' })).toHaveAttribute(
    'aria-pressed',
    'false'
  )
  await expect(anaRow).not.toContainText('Mano alzada')
  await page.keyboard.press('Alt+K')
  await expect(inbox).toHaveCount(0)
  const sentToday = composer.getByRole('region', { name: 'Enviados hoy' })
  await expect(sentToday.getByRole('listitem').filter({ hasText: 'Voy contigo' })).toContainText(
    /Visto \d{1,2}:\d\d/
  )

  // A jump of the running script: the step list comes from Ana's live presence.
  await composer
    .getByRole('combobox', { name: 'Paso del guion' })
    .selectOption({ label: 'FAQ: horarios' })
  await composer.getByRole('button', { name: 'Enviar al paso' }).click()
  await expect(inbox).toContainText('Carla Méndez te sugiere ir a: FAQ: horarios')
  expect.soft(await seriousViolations(page), 'axe on the desk with a whisper').toEqual([])
  await inbox.getByRole('button', { name: 'Ir al paso' }).click()
  await expect(ana.script.step).toContainText('Atendemos de lunes a sábado')
  await expect(inbox).toHaveCount(0)
  await expect(sentToday.getByRole('listitem').filter({ hasText: 'FAQ: horarios' })).toContainText(
    /Visto \d{1,2}:\d\d/
  )
})
