import i18next from 'i18next'
import { Component, type ErrorInfo, type ReactNode } from 'react'

type ErrorBoundaryProps = { area: string; children: ReactNode }
type ErrorBoundaryState = { failed: boolean }

/** One per feature area, so a failure in one panel never takes down the softphone. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false }

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true }
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // The panel shows its own fallback; nothing else to do until a logger sink exists (issue #5).
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <div role="alert" aria-label={this.props.area}>
        <p>{i18next.t('app.crashed')}</p>
        <button
          type="button"
          onClick={() => {
            this.setState({ failed: false })
          }}
        >
          {i18next.t('app.retry')}
        </button>
      </div>
    )
  }
}
