export { OutboxPanel, type OutboxPanelProps } from './components/outbox-panel';
