import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { cx } from './class-names';
import './list-item.css';

export interface ListItemProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Right-hand side: a value, a badge, a switch. */
  extra?: ReactNode;
  /** Makes the row a button with a chevron. */
  onClick?: () => void;
  label?: string;
  className?: string;
  testId?: string;
}

export function ListItem({ title, subtitle, extra, onClick, label, className, testId }: ListItemProps) {
  const interactive = Boolean(onClick);
  return (
    <View
      className={cx('bx-list-item', className)}
      hoverClass={interactive ? 'bx-list-item--pressed' : 'none'}
      role={interactive ? 'button' : undefined}
      ariaLabel={label}
      data-testid={testId}
      onClick={onClick}
    >
      <View className='bx-list-item__body'>
        <View className='bx-list-item__title'>{title}</View>
        {subtitle ? <View className='bx-list-item__subtitle'>{subtitle}</View> : null}
      </View>
      {extra ? <View className='bx-list-item__extra'>{extra}</View> : null}
      {interactive ? (
        <Text className='bx-list-item__chevron' aria-hidden='true'>
          ›
        </Text>
      ) : null}
    </View>
  );
}
