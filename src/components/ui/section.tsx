import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './section.css';

export interface SectionProps {
  title: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** A titled group on a page; the title is a heading for screen readers. */
export function Section({ title, hint, children, testId }: SectionProps) {
  return (
    <View className='bx-section' data-testid={testId}>
      <View className='bx-section__title' role='heading' aria-level={2}>
        {title}
      </View>
      {hint ? <View className='bx-section__hint'>{hint}</View> : null}
      {children}
    </View>
  );
}
