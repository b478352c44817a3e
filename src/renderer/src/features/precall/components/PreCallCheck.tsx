import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import { playTestTone } from '@renderer/telephony/ringtone'
import { iceServersInUse } from '@renderer/telephony/sip-media'
import { useAudioState } from '../../devices'
import { checkIce, checkWebSocket, type IceCheck, type WebSocketCheck } from '../network-check'
import { useMicrophoneLevel } from '../hooks/useMicrophoneLevel'

type NetworkResult =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; ws: WebSocketCheck | null; ice: IceCheck }

/**
 * Before the first call of a shift: does the microphone pick up the agent, do they hear the
 * call output and the ringer where they expect, and can this machine reach the SIP server and
 * gather ICE candidates.
 */
export function PreCallCheck() {
  const { t } = useTranslation()
  const { inUse } = useAudioState()
  const server = useAppStore((s) => ('server' in s.phone.line ? s.phone.line.server : null))
  const [micOn, setMicOn] = useState(false)
  const mic = useMicrophoneLevel(micOn)
  const [playing, setPlaying] = useState<'speaker' | 'ringer' | null>(null)
  const [network, setNetwork] = useState<NetworkResult>({ state: 'idle' })

  const tone = (which: 'speaker' | 'ringer') => {
    setPlaying(which)
    const device = which === 'speaker' ? inUse.speakerId : inUse.ringerId
    void playTestTone(device, which === 'speaker' ? 440 : 425)
      .catch(() => undefined)
      .finally(() => {
        setPlaying(null)
      })
  }

  const testNetwork = async () => {
    setNetwork({ state: 'running' })
    const [ws, ice] = await Promise.all([
      server ? checkWebSocket(server) : Promise.resolve(null),
      checkIce(iceServersInUse())
    ])
    setNetwork({ state: 'done', ws, ice })
  }

  return (
    <fieldset className="precall">
      <legend>{t('media.precall.heading')}</legend>
      <div>
        <button
          type="button"
          aria-pressed={micOn}
          onClick={() => {
            setMicOn((on) => !on)
          }}
        >
          {micOn ? t('media.precall.stopMic') : t('media.precall.startMic')}
        </button>
        <meter
          min={0}
          max={1}
          value={mic.level}
          aria-label={t('media.precall.micLevel')}
          aria-valuetext={`${String(Math.round(mic.level * 100))} %`}
        />
        {micOn && !mic.error && <small>{t('media.precall.micHint')}</small>}
        {mic.error && (
          <p role="alert" className="error">
            {t('media.precall.micFailed', { reason: mic.error })}
          </p>
        )}
      </div>
      <div>
        <button
          type="button"
          disabled={playing !== null}
          onClick={() => {
            tone('speaker')
          }}
        >
          {t('media.precall.testSpeaker')}
        </button>
        <button
          type="button"
          disabled={playing !== null}
          onClick={() => {
            tone('ringer')
          }}
        >
          {t('media.precall.testRinger')}
        </button>
        {playing && <small role="status">{t('media.precall.toneHint')}</small>}
      </div>
      <div>
        <button
          type="button"
          disabled={network.state === 'running'}
          onClick={() => void testNetwork()}
        >
          {t('media.precall.testNetwork')}
        </button>
        <div role="status" aria-label={t('media.precall.networkResult')}>
          {network.state === 'running' && t('media.precall.network.running')}
          {network.state === 'done' && <NetworkReport ws={network.ws} ice={network.ice} />}
        </div>
      </div>
    </fieldset>
  )
}

function NetworkReport({ ws, ice }: { ws: WebSocketCheck | null; ice: IceCheck }) {
  const { t } = useTranslation()
  return (
    <ul>
      <li className={ws?.ok ? 'ok' : 'error'}>
        {ws === null
          ? t('media.precall.network.noServer')
          : ws.ok
            ? t('media.precall.network.wsOk', { server: ws.server, ms: ws.ms })
            : t('media.precall.network.wsFail', { server: ws.server, reason: ws.reason })}
      </li>
      <li className={ice.enough ? 'ok' : 'error'}>
        {ice.candidates === 0
          ? t('media.precall.network.iceNone')
          : ice.relayMissing
            ? t('media.precall.network.iceNoRelay')
            : t('media.precall.network.iceOk', {
                count: ice.candidates,
                types: ice.types.join(', '),
                ms: ice.ms
              })}
      </li>
    </ul>
  )
}
