/**
 * The centre's monitoring policy, for admins: the method (built in, or the PBX's feature codes),
 * which modes each role may use, whether the agent is told when only listened to, and the PBX's
 * dial strings, switch keys and DTMF method. Saved whole, like the floor's alerts; the form shows
 * the policy as pulled, so a save shows once every desk has it. Each field's fault shows beside it.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { monitorModes, type MonitorMode } from '@shared/monitoring/monitoring'
import {
  DEFAULT_MONITORING_POLICY,
  type MonitoringPolicy
} from '@shared/monitoring/monitoring-policy'

import { saveMonitoringPolicy } from '../../configuration'
import { checkPolicy, serverFieldErrors, type FieldErrors } from '../policy-form'
import { useMonitoringPolicy } from '../use-monitoring-policy'
import './monitoring.css'

const policyRoles = ['team_lead', 'admin'] as const
const dtmfMethods = ['auto', 'rfc4733', 'info'] as const

export interface MonitoringPolicyFormProps {
  value: MonitoringPolicy
  errors: FieldErrors
  message: { error: boolean; text: string } | null
  onChange: (policy: MonitoringPolicy) => void
  onSubmit: () => void
}

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null
  return (
    <span id={id} className="field-error">
      {text}
    </span>
  )
}

/** The form as props say (the unit tests render this one). */
export function MonitoringPolicyForm({
  value,
  errors,
  message,
  onChange,
  onSubmit
}: MonitoringPolicyFormProps) {
  const { t } = useTranslation()
  const setMode = (role: (typeof policyRoles)[number], mode: MonitorMode, on: boolean) => {
    const current = value.permissions[role]
    // Kept in the order listen, whisper, barge whatever the order of the clicks.
    const next = monitorModes.filter((m) => (m === mode ? on : current.includes(m)))
    onChange({ ...value, permissions: { ...value.permissions, [role]: next } })
  }
  const setDial = (mode: MonitorMode, dial: string) => {
    onChange({ ...value, pbx: { ...value.pbx, dial: { ...value.pbx.dial, [mode]: dial } } })
  }
  const setKey = (mode: MonitorMode, key: string) => {
    const switchKeys = { ...value.pbx.switchKeys, [mode]: key.trim() === '' ? null : key.trim() }
    onChange({ ...value, pbx: { ...value.pbx, switchKeys } })
  }
  const invalid = (path: string) => (errors[path] ? true : undefined)
  const describedBy = (path: string) => (errors[path] ? `monitoring-policy-${path}` : undefined)
  return (
    <form
      className="monitoring-policy"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit()
      }}
    >
      <fieldset>
        <legend>{t('monitoring.policy.method')}</legend>
        {(['builtin', 'pbx'] as const).map((method) => (
          <label key={method}>
            <input
              type="radio"
              name="monitoring-method"
              value={method}
              checked={value.method === method}
              onChange={() => {
                onChange({ ...value, method })
              }}
            />
            {t(`monitoring.policy.methods.${method}`)}
          </label>
        ))}
      </fieldset>

      <table className="monitoring-policy-table">
        <caption>{t('monitoring.policy.permissions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('monitoring.policy.role')}</th>
            {monitorModes.map((mode) => (
              <th key={mode} scope="col">
                {t(`monitoring.modes.${mode}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {policyRoles.map((role) => (
            <tr key={role}>
              <th scope="row">{t(`monitoring.policy.roles.${role}`)}</th>
              {monitorModes.map((mode) => (
                <td key={mode}>
                  <input
                    type="checkbox"
                    aria-label={t('monitoring.policy.permission', {
                      role: t(`monitoring.policy.roles.${role}`),
                      mode: t(`monitoring.modes.${mode}`)
                    })}
                    checked={value.permissions[role].includes(mode)}
                    onChange={(e) => {
                      setMode(role, mode, e.target.checked)
                    }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <label className="monitoring-policy-check">
        <input
          type="checkbox"
          checked={value.agentSeesListen}
          onChange={(e) => {
            onChange({ ...value, agentSeesListen: e.target.checked })
          }}
        />
        {t('monitoring.policy.agentSeesListen')}
      </label>
      <p className="hint">{t('monitoring.policy.agentSeesHint')}</p>

      <table className="monitoring-policy-table">
        <caption>{t('monitoring.policy.pbx')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('monitoring.policy.mode')}</th>
            <th scope="col">{t('monitoring.policy.dial')}</th>
            <th scope="col">{t('monitoring.policy.switchKey')}</th>
          </tr>
        </thead>
        <tbody>
          {monitorModes.map((mode) => {
            const dialPath = `pbx.dial.${mode}`
            const keyPath = `pbx.switchKeys.${mode}`
            return (
              <tr key={mode}>
                <th scope="row">{t(`monitoring.modes.${mode}`)}</th>
                <td>
                  <input
                    type="text"
                    spellCheck={false}
                    maxLength={64}
                    aria-label={t('monitoring.policy.dialFor', {
                      mode: t(`monitoring.modes.${mode}`)
                    })}
                    aria-invalid={invalid(dialPath)}
                    aria-describedby={describedBy(dialPath)}
                    value={value.pbx.dial[mode]}
                    onChange={(e) => {
                      setDial(mode, e.target.value)
                    }}
                  />
                  <FieldError id={`monitoring-policy-${dialPath}`} text={errors[dialPath]} />
                </td>
                <td>
                  <input
                    type="text"
                    className="monitoring-key"
                    spellCheck={false}
                    maxLength={4}
                    aria-label={t('monitoring.policy.keyFor', {
                      mode: t(`monitoring.modes.${mode}`)
                    })}
                    aria-invalid={invalid(keyPath)}
                    aria-describedby={describedBy(keyPath)}
                    value={value.pbx.switchKeys[mode] ?? ''}
                    onChange={(e) => {
                      setKey(mode, e.target.value)
                    }}
                  />
                  <FieldError id={`monitoring-policy-${keyPath}`} text={errors[keyPath]} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p className="hint">{t('monitoring.policy.dialHint')}</p>

      <label className="monitoring-policy-select">
        {t('monitoring.policy.dtmf')}
        <select
          value={value.pbx.dtmfMethod}
          onChange={(e) => {
            const dtmfMethod = dtmfMethods.find((m) => m === e.target.value) ?? 'auto'
            onChange({ ...value, pbx: { ...value.pbx, dtmfMethod } })
          }}
        >
          {dtmfMethods.map((m) => (
            <option key={m} value={m}>
              {t(`monitoring.policy.dtmfMethods.${m}`)}
            </option>
          ))}
        </select>
      </label>

      <div className="monitoring-policy-save">
        <button type="submit">{t('monitoring.policy.save')}</button>
        {message && (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : ''}>
            {message.text}
          </p>
        )}
      </div>
    </form>
  )
}

/** The editor in the Administration workspace, saved with PUT /api/admin/configuration/monitoring. */
export function MonitoringPolicyEditor() {
  const { t } = useTranslation()
  const pulled = useMonitoringPolicy()
  // What the admin is changing; null shows the policy as pulled.
  const [edited, setEdited] = useState<MonitoringPolicy | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const draft = edited ?? pulled ?? DEFAULT_MONITORING_POLICY

  const save = async () => {
    const found = checkPolicy(draft, t)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setMessage({ error: true, text: t('monitoring.policy.fixFields') })
      return
    }
    const result = await saveMonitoringPolicy(draft)
    if (result.ok) {
      setEdited(null)
      setMessage({ error: false, text: t('monitoring.policy.saved') })
      return
    }
    const fromServer = serverFieldErrors(result.error.details, t)
    setErrors(fromServer)
    setMessage({
      error: true,
      text:
        Object.keys(fromServer).length > 0
          ? t('monitoring.policy.fixFields')
          : t(`configuration.errors.${result.error.code}`, { defaultValue: result.error.message })
    })
  }

  return (
    <section className="monitoring-policy-editor" aria-labelledby="monitoring-policy-heading">
      <h3 id="monitoring-policy-heading">{t('monitoring.policy.heading')}</h3>
      <MonitoringPolicyForm
        value={draft}
        errors={errors}
        message={message}
        onChange={(policy) => {
          setEdited(policy)
          setMessage(null)
        }}
        onSubmit={() => {
          void save()
        }}
      />
    </section>
  )
}
