import { act, fireEvent, render, screen } from '@testing-library/react';
import { LargeTextSwitch } from '@/features/settings';
import { usePreferencesStore } from '@/lib/preferences';
import * as Taro from '@/test/taro-mock';
import { PageShell } from './page-shell';

describe('PageShell', () => {
  it('applies the large-text class when the setting is on, live', () => {
    render(
      <PageShell testId='shell'>
        <LargeTextSwitch />
      </PageShell>,
    );
    const shell = screen.getByTestId('shell');
    expect(shell).toHaveClass('bx-page');
    expect(shell).not.toHaveClass('bx-page--large');

    fireEvent.click(screen.getByRole('switch', { name: '大字模式' }));

    expect(shell).toHaveClass('bx-page--large');
    expect(JSON.parse(String(Taro.getStorageSync('banxue.preferences'))).state).toEqual({ largeText: true });

    act(() => usePreferencesStore.getState().setLargeText(false));
    expect(shell).not.toHaveClass('bx-page--large');
  });

  it('keeps a phone-like column unless the page asks for the wide (staff desktop) layout', () => {
    render(
      <>
        <PageShell testId='column'>x</PageShell>
        <PageShell wide testId='wide'>y</PageShell>
      </>,
    );
    expect(screen.getByTestId('column')).not.toHaveClass('bx-page--wide');
    expect(screen.getByTestId('wide')).toHaveClass('bx-page', 'bx-page--wide');
  });

  it('sets the navigation bar title in the current language', () => {
    render(<PageShell title='Settings'>x</PageShell>);
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: 'Settings' });
  });
});
