import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, type ReactNode } from 'react';
import { usePreferencesStore } from '@/lib/preferences';
import { cx } from './class-names';
import './page-shell.css';

export interface PageShellProps {
  children: ReactNode;
  /** Navigation bar title in the current language (the page config holds the Chinese default). */
  title?: string;
  /**
   * Staff pages: use a desktop screen's width (their screens lay out in columns there). Other pages
   * keep a phone-like column, as sponsors and students use the app on a phone.
   */
  wide?: boolean;
  testId?: string;
}

/** The root of every page: design tokens, the large-text switch, safe-area padding, the bar title. */
export function PageShell({ children, title, wide = false, testId }: PageShellProps) {
  const largeText = usePreferencesStore((state) => state.largeText);

  useEffect(() => {
    if (!title) return;
    Promise.resolve(Taro.setNavigationBarTitle({ title })).catch(() => undefined);
  }, [title]);

  return (
    <View className={cx('bx-page', wide && 'bx-page--wide', largeText && 'bx-page--large')} data-testid={testId}>
      {children}
    </View>
  );
}
