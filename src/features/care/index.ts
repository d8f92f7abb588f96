export { QueueScreen, QUEUE_TABS, type QueueScreenProps } from './components/queue-screen';
export { CaseScreen, type CaseScreenProps } from './components/case-screen';
export { FlagScreen, type FlagScreenProps } from './components/flag-screen';
export { HandoversScreen } from './components/handovers-screen';
export { CareLinks } from './components/care-links';
export { slaCountdown, describeCountdown, type Countdown } from './countdown';
