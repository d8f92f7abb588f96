import { Text } from '@tarojs/components';
import './status-badge.css';

export type BadgeTone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';

export interface StatusBadgeProps {
  tone: BadgeTone;
  children: string;
  testId?: string;
  /** A machine-readable value for tests and styling, e.g. the status code behind the label. */
  value?: string;
}

/** A short status label; colour is never the only signal, the words carry the meaning. */
export function StatusBadge({ tone, children, testId, value }: StatusBadgeProps) {
  return (
    <Text className={`bx-badge bx-badge--${tone}`} data-testid={testId} data-value={value}>
      {children}
    </Text>
  );
}
