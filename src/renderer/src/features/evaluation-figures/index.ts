/**
 * The evaluation figures (Quality → Cifras): scores per agent and per dimension over time,
 * weakest dimensions per team, of one kind at a time. The server counts; this draws.
 */
export { EvaluationFiguresPanel } from './components/EvaluationFiguresPanel'
/** The figures' number formats, shared with calibration so a score reads the same everywhere. */
export { formatCount, formatPercent, formatPoints } from './figures-format'
/** Charts drawn at the width their box has, for other features' charts too. */
export { useElementWidth } from './use-element-width'
