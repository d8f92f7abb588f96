export { useSubscriptionPrompt } from './use-subscription-prompt';
export { useEventSubscription, type EventSubscription } from './use-event-subscription';
