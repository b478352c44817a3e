import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

type CallTimerProps = { since: string }

function format(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const mm = String(Math.floor(total / 60)).padStart(2, '0')
  const ss = String(total % 60).padStart(2, '0')
  return `${mm}:${ss}`
}

/** Ticks through a ref, not state, so the rest of the panel does not re-render every second. */
export function CallTimer({ since }: CallTimerProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    const start = Date.parse(since)
    const tick = () => {
      if (ref.current) ref.current.textContent = format(Date.now() - start)
    }
    tick()
    const id = setInterval(tick, 1000)
    return () => {
      clearInterval(id)
    }
  }, [since])
  return (
    <span role="timer" aria-label={t('softphone.duration')} ref={ref}>
      00:00
    </span>
  )
}
