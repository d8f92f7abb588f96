import { renderHook } from '@testing-library/react';
import { fireTaroHook } from '@/test/taro-mock';
import { useReloadOnReturn } from './use-reload-on-return';

describe('useReloadOnReturn', () => {
  it('reloads when the page is shown again after being hidden, not on a show without a hide', async () => {
    const reload = jest.fn();
    renderHook(() => useReloadOnReturn(reload));
    // The page's first showing may come after the component appeared (data loaded): no reload.
    await fireTaroHook('didShow');
    expect(reload).not.toHaveBeenCalled();
    await fireTaroHook('didHide');
    await fireTaroHook('didShow');
    expect(reload).toHaveBeenCalledTimes(1);
    await fireTaroHook('didShow');
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
