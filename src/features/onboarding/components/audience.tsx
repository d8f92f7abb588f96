import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { cx } from '@/components/ui';
import { useT } from '@/lib/i18n';

/** A group of fields with a visible label saying who sees them. */
export function Audience({ kind, children, testId }: { kind: 'staff' | 'sponsor'; children: ReactNode; testId?: string }) {
  const t = useT();
  return (
    <View className={cx('bx-ob-audience', `bx-ob-audience--${kind}`)} data-testid={testId}>
      <View className='bx-ob-audience__label' data-testid={`audience-${kind}`}>
        {kind === 'staff' ? t('onboarding.staffOnly') : t('onboarding.shownToSponsors')}
      </View>
      {children}
    </View>
  );
}
