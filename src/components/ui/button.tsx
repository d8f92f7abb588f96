import { Button as TaroButton } from '@tarojs/components';
import type { ReactNode } from 'react';
import { cx } from './class-names';
import './button.css';

export interface ButtonProps {
  children: ReactNode;
  variant?: 'primary' | 'secondary' | 'quiet';
  onClick?: () => void;
  disabled?: boolean;
  /** Shows a spinner and ignores taps until the work is done. */
  loading?: boolean;
  /** Accessible name, when the visible text alone would not say what the button does. */
  label?: string;
  block?: boolean;
  className?: string;
  testId?: string;
}

export function Button({
  children,
  variant = 'primary',
  onClick,
  disabled = false,
  loading = false,
  label,
  block = false,
  className,
  testId,
}: ButtonProps) {
  const inactive = disabled || loading;
  return (
    <TaroButton
      className={cx(
        'bx-button',
        `bx-button--${variant}`,
        block && 'bx-button--block',
        disabled && 'is-disabled',
        loading && 'is-busy',
        className,
      )}
      hoverClass={inactive ? 'none' : 'bx-button--pressed'}
      // Only set these when true: on h5 a `false` still becomes a [disabled] attribute the
      // platform stylesheet matches.
      disabled={inactive || undefined}
      loading={loading || undefined}
      ariaLabel={label}
      aria-disabled={inactive ? 'true' : undefined}
      aria-busy={loading ? 'true' : undefined}
      data-testid={testId}
      // h5 renders a custom element that assistive technology does not know as a button; the
      // mini-program templates drop the attribute. Spread because Taro's props do not declare it.
      {...{ role: 'button' }}
      onClick={() => {
        if (!inactive) onClick?.();
      }}
    >
      {children}
    </TaroButton>
  );
}
