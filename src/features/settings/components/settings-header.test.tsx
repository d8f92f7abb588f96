import { fireEvent, render, screen } from '@testing-library/react';
import * as Taro from '@/test/taro-mock';
import { SettingsHeader } from './settings-header';

describe('SettingsHeader', () => {
  it('titles the page and goes back to the page it came from', () => {
    Taro.getCurrentPages.mockReturnValue([{}, {}]);
    render(<SettingsHeader />);
    expect(screen.getByTestId('settings-title')).toHaveTextContent('设置');
    fireEvent.click(screen.getByTestId('settings-back'));
    expect(Taro.navigateBack).toHaveBeenCalledWith({ delta: 1 });
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('starts from launch when opened directly with nothing to go back to', () => {
    Taro.getCurrentPages.mockReturnValue([{}]);
    render(<SettingsHeader />);
    fireEvent.click(screen.getByTestId('settings-back'));
    expect(Taro.navigateBack).not.toHaveBeenCalled();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/launch/index' });
  });
});
