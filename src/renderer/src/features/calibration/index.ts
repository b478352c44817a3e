/**
 * Calibration (Quality → Calibración): several evaluators score the same call; each is compared
 * with a reference evaluation, blind until the viewer has submitted their own score.
 */
export { CalibrationPanel } from './components/CalibrationPanel'
