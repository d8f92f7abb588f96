export { InboxScreen } from './components/inbox-screen';
export { describeNotification, notificationTarget } from './describe';
