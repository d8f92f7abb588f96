import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useT } from '@/lib/i18n';
import { Button } from './button';
import './state-view.css';

export type ViewState = 'loading' | 'empty' | 'error';

export interface StateViewProps {
  state: ViewState;
  title?: string;
  /** Loading: defaults to "Loading…". Error: what went wrong and what to do. */
  message?: string;
  /** Error: shows a retry button. */
  onRetry?: () => void;
  /** Empty: an optional next step. */
  action?: ReactNode;
  testId?: string;
}

/** The one way a page says "wait", "nothing here yet" or "that failed, try again". */
export function StateView({ state, title, message, onRetry, action, testId }: StateViewProps) {
  const t = useT();
  return (
    <View
      className={`bx-state bx-state--${state}`}
      role={state === 'error' ? 'alert' : 'status'}
      aria-live={state === 'error' ? 'assertive' : 'polite'}
      aria-busy={state === 'loading' ? 'true' : undefined}
      data-testid={testId ?? `state-${state}`}
    >
      {state === 'loading' ? <View className='bx-state__spinner' aria-hidden='true' /> : null}
      {title ? <View className='bx-state__title'>{title}</View> : null}
      <View className='bx-state__message'>{message ?? (state === 'loading' ? t('common.loading') : '')}</View>
      {state === 'error' && onRetry ? (
        <Button variant='secondary' onClick={onRetry} testId='state-retry'>
          {t('common.retry')}
        </Button>
      ) : null}
      {state === 'empty' ? action : null}
    </View>
  );
}
