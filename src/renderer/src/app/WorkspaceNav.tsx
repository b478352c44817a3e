import {
  BarChart3,
  GraduationCap,
  Headset,
  MessageSquareWarning,
  Settings2,
  Users,
  type LucideIcon
} from 'lucide-react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '@renderer/stores/app-store'
import type { WorkspaceId } from '@renderer/stores/workspace'
import { ariaKeyShortcuts, formatShortcut, workspaceShortcuts } from '../features/shortcuts'
import { useAwaitingEvaluations } from './use-awaiting-evaluations'

const icons: Readonly<Record<WorkspaceId, LucideIcon>> = {
  desk: Headset,
  complaints: MessageSquareWarning,
  team: Users,
  training: GraduationCap,
  quality: BarChart3,
  admin: Settings2
}

type WorkspaceNavProps = { workspaces: readonly WorkspaceId[] }

/** The role's workspaces; the open one is marked in words for screen readers and by shape. */
export function WorkspaceNav({ workspaces }: WorkspaceNavProps) {
  const { t } = useTranslation()
  const current = useAppStore((s) => s.workspace.current)
  const open = useAppStore((s) => s.workspaceOpened)
  const awaiting = useAwaitingEvaluations(workspaces.includes('quality'))
  return (
    <nav className="workspace-nav" aria-label={t('workspaces.navLabel')}>
      <ul>
        {workspaces.map((id) => {
          const Icon = icons[id]
          const waiting = id === 'quality' ? awaiting : 0
          const waitingId = `workspace-nav-${id}-waiting`
          return (
            <li key={id}>
              <button
                type="button"
                aria-current={current === id ? 'page' : undefined}
                aria-label={t(`workspaces.${id}`)}
                aria-describedby={waiting > 0 ? waitingId : undefined}
                title={`${t(`workspaces.${id}`)} (${formatShortcut(workspaceShortcuts[id], t)})`}
                aria-keyshortcuts={ariaKeyShortcuts(workspaceShortcuts[id])}
                onClick={() => {
                  open(id)
                }}
              >
                <Icon size={16} aria-hidden="true" />
                {t(`workspaces.short.${id}`)}
                {waiting > 0 && (
                  <>
                    <span className="nav-count" aria-hidden="true">
                      {waiting}
                    </span>
                    <span id={waitingId} className="visually-hidden">
                      {t('evaluations.mine.awaiting', { count: waiting })}
                    </span>
                  </>
                )}
              </button>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
