import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { sanitizeDisplayText } from '@shared/domain/text'
import type { ScenarioVersionDetail } from '@shared/practice/scenario-api'
import { labelLanguage } from '../../complaints'
import { scriptCatalog } from '../../scripts'
import { localized } from '../scenario-load'
import type { Script } from '@shared/scripts/schema'
import { answerLabel } from '@shared/scripts/node-label'
import type { TFunction } from 'i18next'
import { stepLabel } from '../report-labels'
import { pickText } from '@shared/scripts/localized-text'

type ScenarioOf = ScenarioVersionDetail['scenario']

/**
 * The scenario's steps, answers and outcome in the script's own words, as the trainee will read
 * them (the node id only where this desk does not have the script).
 */
interface StepNames {
  step: (nodeId: string) => string
  answer: (nodeId: string, value: unknown) => string
  disposition: (code: string) => string
  script: string
}

function stepNames(script: Script | null, language: string, t: TFunction): StepNames {
  const lang = labelLanguage(language)
  return {
    step: (nodeId) => stepLabel({ t, language, script, categories: [] }, nodeId),
    answer: (nodeId, value) =>
      sanitizeDisplayText(
        (script && answerLabel(script, nodeId, value, lang)) ?? String(value),
        200
      ),
    disposition: (code) => {
      const found = script?.dispositions.find((d) => d.code === code)
      return sanitizeDisplayText(found ? pickText(found.label, lang) : code, 120)
    },
    script: script ? sanitizeDisplayText(pickText(script.title, lang), 120) : ''
  }
}

function useStepNames(scenario: ScenarioOf): StepNames {
  const { t, i18n } = useTranslation()
  const script = scriptCatalog().scripts.get(scenario.script.id) ?? null
  return stepNames(script, i18n.language, t)
}

/** The synthetic customer the ring will pop: who they are, what they hold, what is open. */
function PersonaCard({ scenario }: { scenario: ScenarioVersionDetail['scenario'] }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const p = scenario.persona
  const name = sanitizeDisplayText(`${p.firstName} ${p.lastName}`.trim(), 120)
  return (
    <section className="scenario-persona" aria-label={t('practiceScenarios.persona.label')}>
      <h4>
        {name} <span className="badge">{t('practiceScenarios.persona.badge')}</span>
      </h4>
      <dl className="scenario-facts">
        <dt>{t('practiceScenarios.persona.tier')}</dt>
        <dd>{t(`card.tiers.${p.valueTier}`)}</dd>
        <dt>{t('practiceScenarios.persona.phone')}</dt>
        <dd className="numeric">{p.phone}</dd>
        {!p.onFile && (
          <>
            <dt>{t('practiceScenarios.persona.onFile')}</dt>
            <dd>{t('practiceScenarios.persona.notOnFile')}</dd>
          </>
        )}
      </dl>
      {p.products.length > 0 && (
        <>
          <h5>{t('practiceScenarios.persona.products')}</h5>
          <ul className="scenario-list-plain">
            {p.products.map((product) => (
              <li key={product.code}>{sanitizeDisplayText(product.name, 120)}</li>
            ))}
          </ul>
        </>
      )}
      {p.openComplaints.length > 0 && (
        <>
          <h5>{t('practiceScenarios.persona.openComplaints')}</h5>
          <ul className="scenario-list-plain">
            {p.openComplaints.map((c) => (
              <li key={c.id}>
                <strong>{t(`complaints.categories.${c.category}`)}</strong>{' '}
                {sanitizeDisplayText(localized(c.summary, lang), 400)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

/** What the trainee must achieve: the expected outcome, the pass mark, the critical items. */
function Expectations({ scenario }: { scenario: ScenarioVersionDetail['scenario'] }) {
  const { t, i18n } = useTranslation()
  const names = useStepNames(scenario)
  const e = scenario.expectations
  const items: string[] = []
  if (e.complaint) {
    items.push(
      t('practiceScenarios.expect.complaint', {
        category: t(`complaints.categories.${e.complaint.category}`),
        dimension: t(`complaints.dimensions.${e.complaint.dimension}`)
      })
    )
  }
  if (e.compensation) {
    items.push(
      t('practiceScenarios.expect.compensation', {
        amount: new Intl.NumberFormat(i18n.language, {
          style: 'currency',
          currency: e.compensation.currency
        }).format(e.compensation.maxAmount)
      })
    )
  }
  if (e.offer) {
    items.push(
      t(`practiceScenarios.expect.offer.${e.offer.outcome}`, {
        // Quoted, the step's closing full stop would only stutter before the colon.
        node: names.step(e.offer.node).replace(/\.$/, '')
      })
    )
  }
  items.push(t('practiceScenarios.expect.disposition', { code: names.disposition(e.disposition) }))
  if (scenario.mandatorySteps.length > 0) {
    items.push(
      t('practiceScenarios.expect.mandatory', {
        steps: scenario.mandatorySteps.map((id) => names.step(id)).join(', ')
      })
    )
  }
  return (
    <section aria-label={t('practiceScenarios.expect.label')}>
      <h4>{t('practiceScenarios.expect.label')}</h4>
      <ul className="scenario-list-plain">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p className="muted">
        {t('practiceScenarios.expect.pass', { percent: scenario.passThreshold })}
        {scenario.critical.length > 0 &&
          ` ${t('practiceScenarios.expect.critical', {
            items: scenario.critical.map((c) => t(`practiceScenarios.critical.${c}`)).join(', ')
          })}`}
      </p>
    </section>
  )
}

/** Step by step, what the customer says when the trainee gets there: the trainer's prompter. */
function CustomerLines({ scenario }: { scenario: ScenarioVersionDetail['scenario'] }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const turns = new Map(scenario.customer.turns.map((turn) => [turn.node, turn]))
  const names = useStepNames(scenario)
  return (
    <section aria-label={t('practiceScenarios.path.label')}>
      <h4>{t('practiceScenarios.path.label')}</h4>
      <ol className="scenario-path">
        {scenario.expectedPath.map((node, index) => {
          const turn = turns.get(node)
          const target = scenario.timeTargets[node]
          return (
            <li key={`${node}-${String(index)}`}>
              <span className="scenario-step" title={node}>
                {names.step(node)}
              </span>
              {scenario.mandatorySteps.includes(node) && (
                <span className="badge">{t('practiceScenarios.path.mandatory')}</span>
              )}
              {target !== undefined && (
                <span className="muted">
                  {' '}
                  {t('practiceScenarios.path.target', { seconds: target })}
                </span>
              )}
              {turn?.says?.map((line, i) => (
                <q key={i}>{sanitizeDisplayText(localized(line, lang), 2000)}</q>
              ))}
              {turn?.answer !== undefined && (
                <span className="scenario-answer">
                  {t('practiceScenarios.path.answer', { answer: names.answer(node, turn.answer) })}
                </span>
              )}
              {turn?.objection && (
                <span className="scenario-answer">
                  {t('practiceScenarios.path.objection', { jump: turn.objection.jump })}
                </span>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}

/** One scenario whole, as a trainer reads it before running it. */
export function ScenarioDetail({
  detail,
  actions = null
}: {
  /** A version on the server, or a source being written (its preview). */
  detail: Pick<ScenarioVersionDetail, 'version' | 'scenario'>
  /** What can be done with it (ring it on the desk), under its title. */
  actions?: ReactNode
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const s = detail.scenario
  const names = useStepNames(s)
  return (
    <article className="scenario-detail" aria-label={localized(s.title, lang)}>
      <h3>{sanitizeDisplayText(localized(s.title, lang), 200)}</h3>
      {actions}
      <p>{sanitizeDisplayText(localized(s.summary, lang), 1000)}</p>
      <p className="muted">
        {t('practiceScenarios.scriptLine', {
          script: names.script || s.script.id,
          version: s.script.version,
          scenarioVersion: detail.version
        })}
      </p>
      <div className="scenario-columns">
        <div>
          <PersonaCard scenario={s} />
          <Expectations scenario={s} />
        </div>
        <CustomerLines scenario={s} />
      </div>
    </article>
  )
}
