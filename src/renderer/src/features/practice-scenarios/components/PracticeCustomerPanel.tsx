import { Volume2, VolumeX } from 'lucide-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import { practiceTranscript, type TimedPracticeEvent, type TranscriptEntry } from '@shared/practice'
import type { RunState } from '@shared/scripts/run-state'
import { useAppStore } from '@renderer/stores/app-store'
import type { PracticeCallScenario } from '@renderer/telephony/call-session'
import { scriptCatalog } from '../../scripts'
import { localized } from '../scenario-load'
import { useCallGrants } from '../use-call-grants'
import { usePracticeAudio } from '../use-practice-audio'
import { practiceVoiceOn, setPracticeVoiceOn } from '../practice-voice-setting'
import '../practice-scenarios.css'

const RECENT_STEPS = 3
const NO_GRANTS: readonly TimedPracticeEvent[] = []

function Transcript({
  entries,
  latest
}: {
  entries: readonly TranscriptEntry[]
  latest: TranscriptEntry | null
}) {
  return (
    <ol className="practice-transcript">
      {entries.map((entry, i) => (
        <li
          key={`${entry.nodeId}-${String(i)}`}
          className={entry === latest ? 'latest' : undefined}
        >
          {entry.lines.map((line, j) => (
            <q key={j}>{sanitizeDisplayText(line, 2000)}</q>
          ))}
        </li>
      ))}
    </ol>
  )
}

/**
 * The simulated customer on a solo practice call: what they have said along the trainee's path
 * in the script, newest last, the newest announced. Computed from the run as it stands, so going
 * back a step takes its lines away and the customer says them again when the step comes back.
 */
export function PracticeCustomerPanel() {
  const practice = useAppStore((s) => s.phone.call?.practice ?? null)
  const callId = useAppStore((s) => s.phone.call?.id ?? null)
  const run = useAppStore((s) => (s.scriptRun.callId === callId ? s.scriptRun.state : null))
  const catalogVersion = useAppStore((s) => s.scriptRun.catalogVersion)
  const grants = useCallGrants(practice ? callId : null)
  return (
    <PracticeCustomerView
      practice={practice}
      run={run}
      grants={grants}
      catalogVersion={catalogVersion}
    />
  )
}

type PracticeCustomerViewProps = {
  practice: PracticeCallScenario | null
  run: RunState | null
  /** Grants made on the call's complaints, which the customer answers. */
  grants?: readonly TimedPracticeEvent[]
  /** Bumped when the script catalog changed (published scripts arrived). */
  catalogVersion: number
}

/** The panel itself, from the call's scenario and its script run (tests render it directly). */
export function PracticeCustomerView({
  practice,
  run,
  grants = NO_GRANTS,
  catalogVersion
}: PracticeCustomerViewProps) {
  const { t, i18n } = useTranslation()
  const [voiceOn, setVoiceOn] = useState(practiceVoiceOn)
  const entries = useMemo(() => {
    // In a role-play the trainer is the customer: nothing simulated is said or shown.
    if (!practice || !run || practice.roleplay) return []
    // The scenario's script as this desk has it (the runner ran that one on this call).
    const script = scriptCatalog().scripts.get(practice.scenario.script.id)
    if (!script || script.id !== run.scriptId) return []
    const context = { scenario: practice.scenario, script, language: run.language }
    return practiceTranscript(context, run, grants)
    // The catalog is a module-level cache: its version says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [practice, run, grants, catalogVersion])
  usePracticeAudio(
    entries.flatMap((entry) => entry.lines),
    run?.language ?? 'es',
    voiceOn
  )
  // The trainer's side has its own console (features/roleplay), which outlives the call.
  if (!practice || practice.roleplay?.role === 'trainer') return null
  const title = practice.scenario.title
  if (practice.roleplay) {
    return (
      <section className="panel practice-customer" aria-labelledby="practice-customer-heading">
        <h2 id="practice-customer-heading">{t('practiceScenarios.roleplay.heading')}</h2>
        <p>
          {t('practiceScenarios.roleplay.who', {
            trainer: sanitizeDisplayText(practice.roleplay.trainerName, 80),
            persona: sanitizeDisplayText(practice.scenario.persona.firstName, 60)
          })}
        </p>
        <p className="muted">{sanitizeDisplayText(localized(title, i18n.language), 200)}</p>
      </section>
    )
  }
  const heading = t('practiceScenarios.customer.heading', {
    name: sanitizeDisplayText(practice.scenario.persona.firstName, 60)
  })
  const latest = entries.at(-1)
  const recent = entries.slice(-RECENT_STEPS)
  const earlier = entries.slice(0, -RECENT_STEPS)
  return (
    <section className="panel practice-customer" aria-labelledby="practice-customer-heading">
      <div className="panel-head">
        <h2 id="practice-customer-heading">{heading}</h2>
        <button
          type="button"
          aria-pressed={voiceOn}
          title={t('practiceScenarios.customer.voice')}
          onClick={() => {
            setPracticeVoiceOn(!voiceOn)
            setVoiceOn(!voiceOn)
          }}
        >
          {voiceOn ? (
            <Volume2 size={16} aria-hidden="true" />
          ) : (
            <VolumeX size={16} aria-hidden="true" />
          )}
          <span className="visually-hidden">{t('practiceScenarios.customer.voice')}</span>
        </button>
      </div>
      <p className="muted">{sanitizeDisplayText(localized(title, i18n.language), 200)}</p>
      {entries.length === 0 ? (
        <p className="muted">{t('practiceScenarios.customer.waiting')}</p>
      ) : (
        <>
          {/* The last few steps in view; the rest folded, so the script below keeps its room. */}
          {earlier.length > 0 && (
            <details>
              <summary>
                {t('practiceScenarios.customer.earlier', { count: earlier.length })}
              </summary>
              <Transcript entries={earlier} latest={null} />
            </details>
          )}
          <Transcript entries={recent} latest={latest ?? null} />
        </>
      )}
      <p className="visually-hidden" aria-live="polite">
        {latest ? latest.lines.map((l) => sanitizeDisplayText(l, 2000)).join(' ') : ''}
      </p>
    </section>
  )
}
