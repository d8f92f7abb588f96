import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './page-header.css';

export interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** A link or button on the right; wraps below the title when space runs out. */
  action?: ReactNode;
  testId?: string;
}

export function PageHeader({ title, subtitle, action, testId }: PageHeaderProps) {
  return (
    <View className='bx-page-header'>
      <View className='bx-page-header__text'>
        <View className='bx-page-header__title' role='heading' aria-level={1} data-testid={testId}>
          {title}
        </View>
        {subtitle ? <View className='bx-page-header__subtitle'>{subtitle}</View> : null}
      </View>
      {action}
    </View>
  );
}
