import type { ReactNode } from 'react'
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'
import { useTranslation } from 'react-i18next'

import './source-editor.css'

/**
 * The dialog a versioned source is read or written in, over most of the window. While `editing`,
 * typed text is never lost to a stray click or Escape: only "Cerrar" or the editor's "Cancelar"
 * close it.
 */
export function SourceDialog({
  open,
  title,
  editing,
  onClose,
  children
}: {
  open: boolean
  title: string
  editing: boolean
  onClose: () => void
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <ModalOverlay
      isOpen={open}
      onOpenChange={(isOpen) => {
        if (!isOpen) onClose()
      }}
      isDismissable={!editing}
      isKeyboardDismissDisabled={editing}
      className="source-dialog-overlay"
    >
      <Modal className="source-dialog-modal">
        <Dialog className="source-dialog">
          <header className="source-dialog-header">
            <Heading slot="title">{title}</Heading>
            <button type="button" className="quiet" onClick={onClose}>
              {t('sourceEditor.close')}
            </button>
          </header>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}
