import { PhoneOutgoing } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { RoleplayInvitation } from '@shared/practice/roleplay'
import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'
import { loadScenario, localized } from '../../practice-scenarios'
import { useSoftphone } from '../../softphone'
import { callInvitation } from '../call-invitation'
import { useInvitations } from '../invitations'
import '../roleplay.css'

/**
 * On the trainee's desk: a trainer waiting to be called for a role-play (an outbound scenario:
 * the trainee calls the customer). One button dials the trainer with the session; the call is
 * practice from its first moment. The region is polite and always present, so an invitation
 * arriving is heard without taking the focus from what the agent is doing.
 */
export function RoleplayInvitations() {
  const { t } = useTranslation()
  const invitations = useInvitations((s) => s.open)
  return (
    <div aria-live="polite" className="roleplay-invitations-live">
      {invitations.length > 0 && (
        <section className="panel roleplay-invitations" aria-labelledby="roleplay-invited-heading">
          <h2 id="roleplay-invited-heading">{t('roleplay.invitation.heading')}</h2>
          <ul>
            {invitations.map((invitation) => (
              <InvitationItem key={invitation.id} invitation={invitation} />
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

function InvitationItem({ invitation }: { invitation: RoleplayInvitation }) {
  const { t, i18n } = useTranslation()
  const { line } = useSoftphone()
  const idle = useAppStore((s) => s.phone.phase === 'idle')
  const [note, setNote] = useState<string | null>(null)
  const trainer = sanitizeDisplayText(invitation.trainerName, 80)
  const scenario = sanitizeDisplayText(localized(invitation.scenarioTitle, i18n.language), 120)
  const time = new Date(invitation.expiresAt).toLocaleTimeString(i18n.language, {
    hour: '2-digit',
    minute: '2-digit'
  })
  const call = async () => {
    setNote(null)
    const outcome = await callInvitation(invitation, {
      scenario: async (id, version) => {
        const loaded = await loadScenario(dataClient(), id, version)
        return loaded.state === 'ready' ? loaded.value.scenario : null
      },
      dial: (uri, token, practice) => line.dialRoleplay(uri, token, practice)
    })
    if (outcome !== 'calling') setNote(t(`roleplay.invitation.${outcome}`, { trainer }))
  }
  return (
    <li className="roleplay-invitation">
      <p>{t('roleplay.invitation.from', { trainer, scenario })}</p>
      <p className="muted">{t('roleplay.invitation.until', { time })}</p>
      <button type="button" disabled={!idle} onClick={() => void call()}>
        <PhoneOutgoing size={14} aria-hidden="true" />
        {t('roleplay.invitation.call', { trainer })}
      </button>
      {note && (
        <p role="alert" className="error">
          {note}
        </p>
      )}
    </li>
  )
}
