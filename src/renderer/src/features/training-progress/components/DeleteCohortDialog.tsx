import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'

/**
 * Asked before a cohort goes: the keeping answer has the focus first, so Enter on a stray key
 * press never deletes; Escape keeps it too.
 */
export function DeleteCohortDialog({
  name,
  open,
  busy,
  onConfirm,
  onCancel
}: {
  name: string
  open: boolean
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  return (
    <ModalOverlay
      isOpen={open}
      isDismissable
      onOpenChange={(isOpen) => {
        if (!isOpen) onCancel()
      }}
      className="progress-dialog-overlay"
    >
      <Modal className="progress-dialog-modal">
        <Dialog role="alertdialog" className="progress-dialog">
          <Heading slot="title">
            {t('trainingProgress.confirmDelete.heading', { name: sanitizeDisplayText(name, 80) })}
          </Heading>
          <p>{t('trainingProgress.confirmDelete.body')}</p>
          <div className="progress-actions">
            {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the safe answer first, in a dialog */}
            <button type="button" autoFocus onClick={onCancel}>
              {t('trainingProgress.confirmDelete.cancel')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
              {t('trainingProgress.confirmDelete.confirm')}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}
