import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { useAppStore } from '@renderer/stores/app-store'
import { useNow } from '@renderer/hooks/useNow'
import { usePauseReasons } from '../../agent-state'
import { useTeamBoard } from '../hooks/useTeamBoard'

function elapsed(since: string, now: Date): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 1000))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = String(seconds % 60).padStart(2, '0')
  return h > 0 ? `${String(h)}:${String(m).padStart(2, '0')}:${s}` : `${String(m)}:${s}`
}

/**
 * The lead's view of the floor: every agent of the team, their status and for how long, and a
 * warning when a pause runs over the reason's limit. Mounted for leads and admins only.
 */
export function TeamBoard() {
  const { t, i18n } = useTranslation()
  const user = useAppStore((s) => s.auth.user)
  const members = useTeamBoard(user?.role === 'admin' ? null : (user?.teamId ?? null))
  const reasons = usePauseReasons()
  const now = useNow(1000)
  const language = i18n.language.startsWith('en') ? 'en' : 'es'
  return (
    <section className="panel team-board" aria-label={t('team.heading')}>
      <h2>{t('team.heading')}</h2>
      {members.length === 0 ? (
        <p className="hint">{t('team.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('team.agent')}</th>
              <th scope="col">{t('team.status')}</th>
              <th scope="col">{t('team.for')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map(({ user: agent, latest }) => {
              const reason = reasons.find((r) => r.code === latest?.pauseReason)
              const over =
                latest?.state === 'not_ready' &&
                reason?.maxMinutes != null &&
                now.getTime() - Date.parse(latest.since) > reason.maxMinutes * 60_000
              const state = latest?.state ?? 'logged_out'
              return (
                <tr key={agent.id} className={`agent-${state}${over ? ' over-limit' : ''}`}>
                  <th scope="row">{sanitizeDisplayText(agent.displayName, 60)}</th>
                  <td>
                    {t(`team.states.${state}`)}
                    {latest?.pauseReason &&
                      ` · ${reason ? reason.label[language] : latest.pauseReason}`}
                    {over && ` · ${t('team.overLimit')}`}
                  </td>
                  <td>{latest ? elapsed(latest.since, now) : '—'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
