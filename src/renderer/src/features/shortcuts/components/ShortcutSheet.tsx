import { useState } from 'react'
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'
import { useTranslation } from 'react-i18next'

import type { ShortcutId } from '@shared/keyboard'
import { isElectron } from '@renderer/platform/desktop'
import { useShortcut } from '../hooks/useShortcut'
import { currentPlatform } from '../platform'
import { ShortcutList } from './ShortcutList'
import './shortcut-sheet.css'

/**
 * The keyboard map on `?`: a modal generated from the registry, so it can never list a key that
 * does nothing or miss one that does. Escape or the close button shuts it; React Aria's Modal
 * traps the focus inside and gives it back to where it was.
 */
export function ShortcutSheet({
  desktop = isElectron(),
  omit = []
}: {
  /** Whether to list the desktop's system-wide shortcuts (only the Electron edition has them). */
  desktop?: boolean
  /** Shortcuts this person cannot use, left out (the workspaces their role does not have). */
  omit?: readonly ShortcutId[]
}) {
  const { t } = useTranslation()
  const [isOpen, setOpen] = useState(false)
  useShortcut('help.shortcuts', () => {
    setOpen(true)
  })
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={setOpen}
      isDismissable
      className="shortcut-sheet-overlay"
    >
      <Modal className="shortcut-sheet-modal">
        <Dialog className="shortcut-sheet">
          <header className="shortcut-sheet-header">
            <Heading slot="title">{t('shortcuts.sheet.title')}</Heading>
            <button
              type="button"
              onClick={() => {
                setOpen(false)
              }}
            >
              {t('shortcuts.sheet.close')}
            </button>
          </header>
          <p className="hint">{t('shortcuts.sheet.hint')}</p>
          <ShortcutList desktop={desktop} omit={omit} platform={currentPlatform()} />
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}
