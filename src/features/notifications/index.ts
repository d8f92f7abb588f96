export { UnreadBadge, type UnreadBadgeProps } from './components/unread-badge';
export { fetchNotifications, markNotificationRead, type NotificationItem } from './api';
