import type { RecordSubscriptionsBody, SubscriptionOptions } from '../../../domain/api/care';
import { apiClient } from '@/lib/api-client';

export type { RecordSubscriptionsBody, SubscriptionOptions };
export type SubscribeResult = RecordSubscriptionsBody['results'][number]['result'];

const PATH = '/api/me/message-subscriptions';

/** The platform message templates the caller may subscribe to (none on h5 or without a platform account). */
export function fetchSubscriptionOptions(): Promise<SubscriptionOptions> {
  return apiClient.get<SubscriptionOptions>(PATH);
}

/** Tells the server what the person answered, so it knows which messages it may send. */
export function recordSubscriptions(body: RecordSubscriptionsBody): Promise<SubscriptionOptions> {
  return apiClient.post<SubscriptionOptions>(PATH, body);
}
