import { useTranslation } from 'react-i18next'

import { nextBestOffer } from '@shared/domain/next-best-offer'
import { sanitizeDisplayText } from '@shared/domain/text'
import type { ScriptEffect } from '@shared/scripts/effects'
import { useAppStore } from '@renderer/stores/app-store'

/**
 * What an action step did or asks for: a transfer waiting in the phone's transfer field for the
 * agent's confirmation; the product to offer, tied to the card's next-best offer when it is the
 * same product.
 */
export function ScriptEffectNote({ effect }: { effect: ScriptEffect }) {
  const { t } = useTranslation()
  const customer = useAppStore((s) => s.screenPop.customer)
  // Only a SIP call has a transfer field; a practice call just names the destination.
  const onSipCall = useAppStore((s) => s.phone.call?.kind === 'sip')
  switch (effect.type) {
    case 'transfer': {
      const target =
        effect.target.kind === 'number'
          ? t('scripts.transfer.number', { number: effect.target.e164 })
          : t('scripts.transfer.queue', { queue: sanitizeDisplayText(effect.target.queue, 64) })
      return (
        <p className="hint" role="note">
          {onSipCall
            ? t('scripts.transfer.prepared', { target })
            : t('scripts.transfer.practice', { target })}
        </p>
      )
    }
    case 'offer_product': {
      if (effect.productCode === null) {
        return <p className="hint">{t('scripts.offer.nothing')}</p>
      }
      const best = customer ? nextBestOffer(customer) : null
      return (
        <p className="hint" role="note">
          {t('scripts.offer.product', { product: effect.productCode })}
          {best?.productCode === effect.productCode && (
            <>
              {' '}
              <strong>{t('scripts.offer.isNextBest', { offer: t(`offer.${best.rule}`) })}</strong>
            </>
          )}
        </p>
      )
    }
    default:
      return <p className="hint">{t(`scripts.effects.${effect.type}`)}</p>
  }
}
