/**
 * The sheet's content rendered to markup (the unit project has no DOM): it must list every entry
 * of the registry, in both languages, so a shortcut cannot exist without being shown. Opening it
 * on `?`, Escape and the return of focus are React Aria's Modal, checked end to end.
 */
import i18next, { type i18n as I18n } from 'i18next'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { beforeAll, describe, expect, it } from 'vitest'

import { shortcuts, type Platform, type ShortcutId } from '@shared/keyboard'
import { formatShortcut, ShortcutSheet } from '@renderer/features/shortcuts'
import { ShortcutList } from '@renderer/features/shortcuts/components/ShortcutList'
import en from '@renderer/i18n/en.json'
import es from '@renderer/i18n/es.json'

const i18n: I18n = i18next.createInstance()

beforeAll(async () => {
  await i18n.init({
    resources: { es: { translation: es }, en: { translation: en } },
    lng: 'es',
    interpolation: { escapeValue: false }
  })
})

async function render(
  language: 'es' | 'en',
  props: { desktop: boolean; platform: Platform; omit?: ShortcutId[] }
) {
  const t = i18n.getFixedT(language)
  await i18n.changeLanguage(language)
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <ShortcutList {...props} />
    </I18nextProvider>
  )
  return { html, t }
}

/** The text of one table row, tags dropped. */
function rowText(html: string, id: string): string {
  const row = new RegExp(`<tr data-shortcut="${id.replaceAll('.', '\\.')}">(.*?)</tr>`).exec(html)
  return (row?.[1] ?? '').replace(/<[^>]+>/g, '')
}

describe('the shortcut sheet', () => {
  it.each(['es', 'en'] as const)(
    'lists every shortcut of the registry, in %s',
    async (language) => {
      const { html, t } = await render(language, { desktop: true, platform: 'other' })
      for (const entry of shortcuts) {
        const text = rowText(html, entry.id)
        expect(text, entry.id).toContain(t(entry.description))
        expect(t(entry.description), entry.id).not.toBe(entry.description)
        // The chords as typed: 'Alt+A', 'Ctrl+Intro'; the digits one after another.
        const keys = formatShortcut(entry.id, t, 'other').split(' / ').join(' ')
        expect(text.replace(/\s+/g, ' '), entry.id).toContain(keys)
      }
      expect(html.match(/<tr data-shortcut=/g)).toHaveLength(shortcuts.length)
    }
  )

  it('shows each key as <kbd>, grouped under a heading per context', async () => {
    const { html, t } = await render('en', { desktop: true, platform: 'other' })
    expect(html).toContain(
      '<kbd class="shortcut-chord"><span><kbd>Ctrl</kbd></span><span>+<kbd>K</kbd></span></kbd>'
    )
    for (const context of ['global-os', 'app', 'call', 'script', 'case-form', 'dialog']) {
      expect(html).toContain(`>${t(`shortcuts.contexts.${context}`)}</h3>`)
    }
  })

  it('leaves out the desktop-wide shortcuts in the browser, and what the person cannot use', async () => {
    const { html } = await render('es', {
      desktop: false,
      platform: 'mac',
      omit: ['nav.teamLive', 'nav.admin']
    })
    expect(html).not.toContain('data-shortcut="desktop.answer"')
    expect(html).not.toContain('data-shortcut="nav.admin"')
    expect(html).toContain('data-shortcut="nav.agentDesk"')
    expect(html).toContain('<kbd>⌘</kbd>')
  })

  it('renders nothing until it is opened', () => {
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <ShortcutSheet desktop={false} />
      </I18nextProvider>
    )
    expect(html).toBe('')
  })
})
