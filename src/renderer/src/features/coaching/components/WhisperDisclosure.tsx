import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { FloorWhisper } from './FloorWhisper'

/**
 * The composer for one agent behind a disclosure, fed by the agent's live floor entry. For a
 * list of agents with no detail pane of its own (the team board, until the live floor replaces
 * it).
 */
export function WhisperDisclosure({ agentId, agentName }: { agentId: string; agentName: string }) {
  const { t } = useTranslation()
  const entry = useAppStore((s) => s.floor.entries[agentId])
  const name = sanitizeDisplayText(agentName, 60)
  return (
    <details className="whisper-disclosure">
      <summary>
        {entry?.presence.handRaisedAt && (
          <span className="badge">{t('coaching.composer.handGroup')}</span>
        )}
        {t('coaching.composer.open', { name })}
      </summary>
      <FloorWhisper entry={entry} agent={{ id: agentId, name: agentName }} />
    </details>
  )
}
