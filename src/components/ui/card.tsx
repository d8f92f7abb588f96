import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { cx } from './class-names';
import './card.css';

export interface CardProps {
  children: ReactNode;
  title?: ReactNode;
  className?: string;
  testId?: string;
  /** Extra `data-*` attributes for the root, e.g. `{ 'data-id': row.id }`. */
  data?: Record<`data-${string}`, string>;
}

export function Card({ children, title, className, testId, data }: CardProps) {
  return (
    <View className={cx('bx-card', className)} data-testid={testId} {...data}>
      {title ? (
        <View className='bx-card__title' role='heading' aria-level={3}>
          {title}
        </View>
      ) : null}
      {children}
    </View>
  );
}
