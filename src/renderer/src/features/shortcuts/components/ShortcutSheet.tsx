import { useState } from 'react'
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'
import { useTranslation } from 'react-i18next'

import type { ShortcutId } from '@shared/keyboard'
import { isElectron } from '@renderer/platform/desktop'
import { workspaceIds, type WorkspaceId } from '@renderer/stores/workspace'
import { useShortcut } from '../hooks/useShortcut'
import { workspaceShortcuts } from '../hooks/useWorkspaceShortcuts'
import { currentPlatform } from '../platform'
import { ShortcutList } from './ShortcutList'
import './shortcut-sheet.css'

/**
 * The keyboard map on `?`: a modal generated from the registry, so it can never list a key that
 * does nothing or miss one that does. Escape or the close button shuts it; React Aria's Modal
 * traps the focus inside and gives it back to where it was (the button that opened it, if any).
 */
export function ShortcutSheet({
  desktop = isElectron(),
  workspaces,
  omit = [],
  isOpen: controlledOpen,
  onOpenChange
}: {
  /** Whether to list the desktop's system-wide shortcuts (only the Electron edition has them). */
  desktop?: boolean
  /** The person's workspaces: the keys of the others are left out. All when not given. */
  workspaces?: readonly WorkspaceId[]
  /** Any other shortcut this person cannot use, left out. */
  omit?: readonly ShortcutId[]
  /** Controlled from outside (a toolbar button); `?` then asks onOpenChange(true). */
  isOpen?: boolean
  onOpenChange?: (isOpen: boolean) => void
}) {
  const { t } = useTranslation()
  const [ownOpen, setOwnOpen] = useState(false)
  const isOpen = controlledOpen ?? ownOpen
  const setOpen = (open: boolean) => {
    setOwnOpen(open)
    onOpenChange?.(open)
  }
  const unavailable = workspaces
    ? workspaceIds.filter((id) => !workspaces.includes(id)).map((id) => workspaceShortcuts[id])
    : []
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
          <ShortcutList
            desktop={desktop}
            omit={[...omit, ...unavailable]}
            platform={currentPlatform()}
          />
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}
