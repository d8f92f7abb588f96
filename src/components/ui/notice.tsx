import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './notice.css';

export interface NoticeProps {
  tone: 'info' | 'warm' | 'danger';
  children: ReactNode;
  testId?: string;
}

/** A short message in a tinted box; `danger` is announced to screen readers as an alert. */
export function Notice({ tone, children, testId }: NoticeProps) {
  return (
    <View className={`bx-notice bx-notice--${tone}`} role={tone === 'danger' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </View>
  );
}
