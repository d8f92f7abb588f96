export {
  BACKOFF_CAP_MS,
  MAX_BYTES,
  MAX_ITEMS,
  OutboxRefusedError,
  type OutboxInput,
  type OutboxItem,
  type OutboxKind,
  type OutboxSnapshot,
  type SentRecord,
} from './core';
export {
  clearOutbox,
  configureOutboxOwner,
  kickOutbox,
  outbox,
  outboxSignedIn,
  refusalMessage,
  startOutbox,
  useOutbox,
} from './taro-outbox';
export { compressPhoto, PHOTO_QUALITY } from './compress';
