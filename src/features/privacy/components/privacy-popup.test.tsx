import { act, fireEvent, render, screen } from '@testing-library/react';
import * as Taro from '@/test/taro-mock';
import { PrivacyPopup } from './privacy-popup';

const taro = Taro.default as unknown as Record<string, unknown>;

describe('PrivacyPopup', () => {
  const env = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = env;
    delete taro.onNeedPrivacyAuthorization;
  });

  it('stays closed until WeChat asks; then shows the button WeChat checks, links to the notice, and declining closes it', () => {
    process.env.TARO_ENV = 'weapp';
    let listener: ((resolve: (o: unknown) => void) => void) | null = null;
    taro.onNeedPrivacyAuthorization = jest.fn((l: typeof listener) => (listener = l));
    render(<PrivacyPopup />);
    expect(screen.queryByTestId('privacy-popup')).not.toBeInTheDocument();
    const resolve = jest.fn();
    act(() => listener!(resolve));
    expect(screen.getByTestId('privacy-popup')).toHaveTextContent('伴学需要你先同意隐私保护指引');
    expect(screen.getByTestId('privacy-agree')).toHaveAttribute('id', 'bx-privacy-agree');
    fireEvent.click(screen.getByTestId('privacy-read'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' });
    fireEvent.click(screen.getByTestId('privacy-decline'));
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(screen.queryByTestId('privacy-popup')).not.toBeInTheDocument();
  });
});
