/** A source as uploaded, read only, its lines numbered (the numbers are not read out). */
export function SourceView({ source, label }: { source: string; label: string }) {
  return (
    <pre
      className="source-code-readonly"
      // Focusable so the keyboard can scroll a long text (axe: scrollable-region-focusable).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      aria-label={label}
    >
      {source.split('\n').map((line, i) => (
        <span key={i} className="source-code-line">
          <span className="source-code-number" aria-hidden="true">
            {i + 1}
          </span>
          {line}
          {'\n'}
        </span>
      ))}
    </pre>
  )
}
