import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { WhisperComposer } from './WhisperComposer'

/**
 * The composer for one agent behind a disclosure, fed by the agent's live floor entry (call,
 * script jumps, raised hand) when the floor has one. Used where a list of agents has no detail
 * pane of its own (the team board).
 */
export function WhisperDisclosure({ agentId, agentName }: { agentId: string; agentName: string }) {
  const { t } = useTranslation()
  const presence = useAppStore((s) => s.floor.entries[agentId]?.presence)
  const name = sanitizeDisplayText(agentName, 60)
  return (
    <details className="whisper-disclosure">
      <summary>
        {presence?.handRaisedAt && (
          <span className="badge">{t('coaching.composer.handGroup')}</span>
        )}
        {t('coaching.composer.open', { name })}
      </summary>
      <WhisperComposer
        agentId={agentId}
        agentName={agentName}
        callId={presence?.call?.id ?? null}
        jumps={presence?.script?.jumps ?? []}
        handRaised={presence?.handRaisedAt != null}
      />
    </details>
  )
}
