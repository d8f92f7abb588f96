import { useDidHide, useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Calls `reload` when the page is shown again after being hidden while this component was on it
 * (back from another page, or from the background). A component that appears after the page was
 * first shown (e.g. once data loaded) still reloads on return.
 */
export function useReloadOnReturn(reload: () => unknown): void {
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    void reload();
  });
}
