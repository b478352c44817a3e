import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { RoleplayFeedback } from '@shared/practice/roleplay'
import { nodeLabel } from '@shared/scripts/node-label'
import { localized } from '../../practice-scenarios'
import { scriptCatalog } from '../../scripts'

/**
 * The trainee's feedback from role-plays, newest first: who gave it, on which scenario and when,
 * the overall comment and the notes, each on the step it is about in the script's words.
 */
export function RoleplayFeedbackList({ feedback }: { feedback: readonly RoleplayFeedback[] }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language.startsWith('en') ? 'en' : 'es'
  return (
    <section className="progress-block roleplay-received" aria-labelledby="roleplay-received">
      <h3 id="roleplay-received">{t('roleplay.received.heading')}</h3>
      {feedback.length === 0 ? (
        <p className="progress-empty">{t('roleplay.received.none')}</p>
      ) : (
        <ul>
          {feedback.map((f) => {
            const script = scriptCatalog().scripts.get(f.scriptId) ?? null
            const step = (nodeId: string | null) =>
              nodeId === null
                ? t('roleplay.notes.wholeCall')
                : sanitizeDisplayText(
                    (script ? nodeLabel(script, nodeId, language, 60) : null) ??
                      t('roleplay.notes.step'),
                    100
                  )
            return (
              <li key={f.roleplayId}>
                <p className="muted">
                  {t('roleplay.received.from', {
                    trainer: sanitizeDisplayText(f.trainerName, 80),
                    scenario: sanitizeDisplayText(localized(f.scenarioTitle, i18n.language), 120),
                    date: new Date(f.sentAt).toLocaleString(i18n.language, {
                      dateStyle: 'medium',
                      timeStyle: 'short'
                    })
                  })}
                </p>
                {f.comment !== '' && (
                  <p>
                    <strong>{t('roleplay.received.comment')}:</strong>{' '}
                    {sanitizeDisplayText(f.comment, 4000)}
                  </p>
                )}
                {f.notes.length > 0 && (
                  <ul className="roleplay-note-list">
                    {f.notes.map((n, i) => (
                      <li key={i}>
                        <strong>{step(n.nodeId)}:</strong> {sanitizeDisplayText(n.text, 1000)}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
