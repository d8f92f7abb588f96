export { useSubscriptionPrompt } from './use-subscription-prompt';
