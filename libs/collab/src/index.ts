export { checkUpdate, isValidStateVector, knownClocks, knownContentOf, type KnownContent, type UpdateCheck, type UpdateRefusal } from './update-check';
export { loadStoredDocument, type StoredDocument } from './stored-document';
export { UpdateLogRepository, type LoggedUpdate, type LogRow, type SetAside, type Snapshot } from './update-log.repository';
