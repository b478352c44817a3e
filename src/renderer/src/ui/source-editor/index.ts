/**
 * Versioned YAML sources written and read in the app (evaluation forms, practice scenarios): the
 * editor with its findings by line and a preview, the read-only view, the dialog they open in.
 */
export { findingMessage } from './finding-message'
export { SourceDialog } from './SourceDialog'
export { SourceEditor, type SourceCheck, type SourceEditorProps } from './SourceEditor'
export { SourceView } from './SourceView'
export { shapeMessagesFor } from './shape-messages'
export { refusedSource, type SourceIssue, type SourceOutcome } from './source-outcome'
export { lineRange, offsetOf, positionOf } from './source-position'
export { SourceAdminLoad, SourceAdminNotice } from './SourceAdminStatus'
export { useSourceAdmin, type AdminLoad, type AdminNotice } from './use-source-admin'
