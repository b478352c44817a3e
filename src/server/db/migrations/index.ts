import { migration001Init } from './001-init'
import { migration002CustomerTeam } from './002-customer-team'
import { migration003SipExtension } from './003-sip-extension'
import { migration004Interactions } from './004-interactions'
import { migration005AgentStatesAndConfiguration } from './005-agent-states-and-configuration'
import { migration006ScriptRuns } from './006-script-runs'
import { migration007ComplaintDetails } from './007-complaint-details'
import { migration008Scripts } from './008-scripts'
import { migration009ComplaintEvents } from './009-complaint-events'
import { migration010Compensations } from './010-compensations'
import { migration011DispositionsAndCallbacks } from './011-dispositions-and-callbacks'
import { migration012ComplaintOwnership } from './012-complaint-ownership'
import { migration013ComplaintEdits } from './013-complaint-edits'
import { migration014ComplaintProductChannel } from './014-complaint-product-channel'
import { migration015CustomerCacheRows } from './015-customer-cache-rows'
import { migration016CleanUnsafeText } from './016-clean-unsafe-text'
import { migration017Directory } from './017-directory'
import { migration018AgentStateSources } from './018-agent-state-sources'
import { migration019Whispers } from './019-whispers'
import { migration020Monitoring } from './020-monitoring'
import { migration021Evaluations } from './021-evaluations'
import { migration022PracticeScenarios } from './022-practice-scenarios'
import { migration023PracticeMarks } from './023-practice-marks'
import { migration024PracticeAudio } from './024-practice-audio'
import { migration025PracticeProgress } from './025-practice-progress'
import { migration026RoleplayDirection } from './026-roleplay-direction'
import type { Migration } from './migration'

/** Every migration, oldest first. Append only: a released migration never changes. */
export const migrations: readonly Migration[] = [
  migration001Init,
  migration002CustomerTeam,
  migration003SipExtension,
  migration004Interactions,
  migration005AgentStatesAndConfiguration,
  migration006ScriptRuns,
  migration007ComplaintDetails,
  migration008Scripts,
  migration009ComplaintEvents,
  migration010Compensations,
  migration011DispositionsAndCallbacks,
  migration012ComplaintOwnership,
  migration013ComplaintEdits,
  migration014ComplaintProductChannel,
  migration015CustomerCacheRows,
  migration016CleanUnsafeText,
  migration017Directory,
  migration018AgentStateSources,
  migration019Whispers,
  migration020Monitoring,
  migration021Evaluations,
  migration022PracticeScenarios,
  migration023PracticeMarks,
  migration024PracticeAudio,
  migration025PracticeProgress,
  migration026RoleplayDirection
]
