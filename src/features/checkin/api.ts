import type { CheckinBody, CheckinCreated } from '../../../domain/api/students';
import { outbox, type OutboxItem } from '@/lib/outbox';
import { CHECKIN_PATH } from './rules';

export type { CheckinBody, CheckinCreated };

/** Queues a check-in in the outbox (it is on the device at once, sent when online). */
export function queueCheckin(body: CheckinBody, label: string): OutboxItem {
  return outbox.enqueue({ kind: 'checkin', path: CHECKIN_PATH, body: { ...body }, label });
}
