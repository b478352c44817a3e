import { useEffect, useRef, useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { callerLabel } from '../caller-label'
import { ariaKeyShortcuts } from '../../shortcuts'
import { OPEN_TRANSFER_EVENT } from '../hooks/useCallShortcuts'
import type { DialRefusal } from '../phone-line'
import { useSoftphone } from '../softphone-context'
import { PREFILL_TRANSFER_EVENT, prefilledTarget } from '../transfer-prefill'

/**
 * Transfer of the current call: blind (REFER now), or attended (consult the target while the
 * caller waits on hold, then complete with REFER/Replaces, or cancel back to the caller).
 */
export function TransferControls() {
  const { t } = useTranslation()
  const { calls, line } = useSoftphone()
  const consultFor = useAppStore((s) => s.phone.consultFor)
  const held = useAppStore((s) => s.phone.lines.find((l) => l.info.id === s.phone.consultFor))
  const [isOpen, setIsOpen] = useState(false)
  const [target, setTarget] = useState('')
  const [refusal, setRefusal] = useState<DialRefusal | null>(null)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const open = () => {
      setIsOpen(true)
    }
    const prefill = (event: Event) => {
      const prefilled = prefilledTarget(event)
      if (prefilled === null) return
      setTarget(line.transferAddress(prefilled))
      setRefusal(null)
      setIsOpen(true)
      // Already open: focus the field again, where Enter confirms the transfer.
      input.current?.focus()
    }
    window.addEventListener(OPEN_TRANSFER_EVENT, open)
    window.addEventListener(PREFILL_TRANSFER_EVENT, prefill)
    return () => {
      window.removeEventListener(OPEN_TRANSFER_EVENT, open)
      window.removeEventListener(PREFILL_TRANSFER_EVENT, prefill)
    }
  }, [line])
  useEffect(() => {
    if (isOpen) input.current?.focus()
  }, [isOpen])

  if (consultFor !== null) {
    return (
      <div role="group" aria-label={t('softphone.transfer.heading')} className="transfer">
        {held && <p>{t('softphone.transfer.consulting', { caller: callerLabel(held.info, t) })}</p>}
        <button
          type="button"
          className="primary"
          onClick={() => {
            calls.completeTransfer()
          }}
        >
          {t('softphone.transfer.complete')}
        </button>
        <button
          type="button"
          onClick={() => {
            calls.cancelConsult()
          }}
        >
          {t('softphone.transfer.cancel')}
        </button>
      </div>
    )
  }

  if (!isOpen) {
    return (
      <button
        type="button"
        aria-expanded={false}
        aria-keyshortcuts={ariaKeyShortcuts('call.transfer')}
        onClick={() => {
          setIsOpen(true)
        }}
      >
        {t('softphone.transfer.open')}
      </button>
    )
  }

  const finish = (result: DialRefusal | null) => {
    setRefusal(result)
    if (result === null) {
      setIsOpen(false)
      setTarget('')
    }
  }
  const blind = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault()
    finish(line.transferTo(target))
  }

  return (
    <form className="transfer" aria-label={t('softphone.transfer.heading')} onSubmit={blind}>
      <label>
        {t('softphone.transfer.target')}
        <input
          ref={input}
          type="tel"
          autoComplete="off"
          value={target}
          aria-invalid={refusal !== null}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setIsOpen(false)
          }}
          onChange={(e) => {
            setTarget(e.target.value)
            setRefusal(null)
          }}
        />
      </label>
      <button type="submit" className="primary">
        {t('softphone.transfer.blind')}
      </button>
      <button
        type="button"
        onClick={() => {
          void line.consult(target).then(finish)
        }}
      >
        {t('softphone.transfer.consult')}
      </button>
      <button
        type="button"
        onClick={() => {
          setIsOpen(false)
        }}
      >
        {t('softphone.transfer.close')}
      </button>
      {refusal && (
        <p role="alert" className="error">
          {t(`softphone.dialErrors.${refusal}`)}
        </p>
      )}
    </form>
  )
}
