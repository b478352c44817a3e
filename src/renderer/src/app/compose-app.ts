/**
 * The app's composition root: the one call controller, SIP line, script runner and session the
 * app runs with, wired to the real store, data worker, desktop and audio devices. Features receive
 * them through context (see App.tsx), so none of them holds call, run or session state in a module.
 */
import { getDesktop } from '@renderer/platform/desktop'
import { dataClient } from '@renderer/data/data-client'
import { useAppStore } from '@renderer/stores/app-store'
import { createSession, type Session } from '../features/auth'
import { audioState } from '../features/devices'
import {
  MonitorController,
  syncedMonitoringPolicy,
  workerMonitoringServer
} from '../features/monitoring'
import { admitRoleplayInvite } from '../features/practice-scenarios'
import { waitingRoleplay } from '../features/roleplay'
import { lookUpCaller, showLookup } from '../features/screen-pop'
import { ScriptRunner } from '../features/scripts'
import {
  CallController,
  loadPhonePreferences,
  recordInteractionOf,
  setCallWaitingTone,
  SipLine,
  WrapUpGuards,
  type Softphone
} from '../features/softphone'

export interface AppServices {
  session: Session
  softphone: Softphone
  scripts: ScriptRunner
  monitoring: MonitorController
}

export function composeApp(): AppServices {
  const monitoring = new MonitorController({
    store: useAppStore,
    server: workerMonitoringServer,
    policy: syncedMonitoringPolicy
  })
  const calls = new CallController({
    store: useAppStore,
    callerCard: {
      lookUp: (info) => lookUpCaller(info),
      show: showLookup
    },
    recordInteraction: (session) => {
      recordInteractionOf(session, (callId) => monitoring.agent.takeMonitoredBy(callId))
    },
    preferences: () => loadPhonePreferences(),
    callWaitingTone: (isOn) => {
      // The cue plays where the customer's voice does: the headset in use now.
      setCallWaitingTone(isOn, audioState().inUse.speakerId)
    },
    isHidden: () => document.hidden,
    notify: (title, body) => {
      void getDesktop().showNotification({ title, body, focusOnClick: true })
    },
    wrapUpGuards: new WrapUpGuards(),
    onTransfer: (callId, underway) => {
      monitoring.agent.transferUnderway(callId, underway)
    }
  })
  // Monitoring calls share the line's user agent but are never its phone lines.
  const line = new SipLine({
    calls,
    store: useAppStore,
    monitoring,
    practiceInvite: (invitation, ring) => {
      void admitRoleplayInvite(invitation, ring, dataClient(), waitingRoleplay)
    }
  })
  monitoring.usePhone(() => line.monitoringPhone())
  return {
    session: createSession({ line, calls }),
    softphone: { calls, line },
    scripts: new ScriptRunner(),
    monitoring
  }
}
