import type { NotificationItem, NotificationPage } from '../../../domain/api/letters';
import { apiClient } from '@/lib/api-client';

export type { NotificationItem, NotificationPage };

/** The caller's in-app inbox, newest first, with the number still unread. */
export function fetchNotifications(query: { limit?: number; cursor?: string } = {}): Promise<NotificationPage> {
  return apiClient.get<NotificationPage>('/api/notifications', { limit: query.limit, cursor: query.cursor });
}

export function markNotificationRead(id: string): Promise<void> {
  return apiClient.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`, {});
}
