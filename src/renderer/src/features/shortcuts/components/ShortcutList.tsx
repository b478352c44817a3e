import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import {
  keyCaps,
  shortcutContexts,
  shortcuts,
  type Chord,
  type Platform,
  type Shortcut,
  type ShortcutContext,
  type ShortcutId
} from '@shared/keyboard'
import { keyCapText } from '../format'

/** One chord as nested <kbd> (the HTML way to write a key combination): Ctrl + K. */
function ChordKeys({ chord, platform }: { chord: Chord; platform: Platform }) {
  const { t } = useTranslation()
  const caps = keyCaps(chord, platform)
  return (
    <kbd className="shortcut-chord">
      {caps.map((cap, i) => (
        <span key={i}>
          {i > 0 && platform !== 'mac' && '+'}
          <kbd>{keyCapText(cap, t)}</kbd>
        </span>
      ))}
    </kbd>
  )
}

function ContextTable({
  context,
  entries,
  platform
}: {
  context: ShortcutContext
  entries: readonly Shortcut[]
  platform: Platform
}) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <section className="shortcut-group" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`shortcuts.contexts.${context}`)}</h3>
      <table className="shortcut-table" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.sheet.action')}</th>
            <th scope="col">{t('shortcuts.sheet.keys')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-shortcut={entry.id}>
              <th scope="row">
                {t(entry.description)}
                {!entry.whileTyping && (
                  <span className="shortcut-note"> {t('shortcuts.sheet.notWhileTyping')}</span>
                )}
              </th>
              <td>
                {entry.keys.map((chord, i) => (
                  <span key={i}>
                    {i > 0 && ' '}
                    <ChordKeys chord={chord} platform={platform} />
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/**
 * Every shortcut of the registry, one table per context in the registry's order. The desktop's
 * system-wide ones only where they exist (the Electron edition); `omit` leaves out what this
 * person cannot use.
 */
export function ShortcutList({
  desktop,
  omit = [],
  platform
}: {
  desktop: boolean
  omit?: readonly ShortcutId[]
  platform: Platform
}) {
  const contexts = shortcutContexts.filter((c) => desktop || c !== 'global-os')
  return (
    <div className="shortcut-list">
      {contexts.map((context) => {
        const entries = shortcuts.filter((s) => s.context === context && !omit.includes(s.id))
        return entries.length === 0 ? null : (
          <ContextTable key={context} context={context} entries={entries} platform={platform} />
        )
      })}
    </div>
  )
}
