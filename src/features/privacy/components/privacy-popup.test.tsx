import { act, fireEvent, render, screen } from '@testing-library/react';
import * as Taro from '@/test/taro-mock';
import { PrivacyNotice } from './privacy-notice';
import { PrivacyPopup } from './privacy-popup';

const taro = Taro.default as unknown as Record<string, unknown>;

describe('PrivacyPopup', () => {
  const env = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = env;
    delete taro.onNeedPrivacyAuthorization;
  });

  it('stays closed until WeChat asks, then agree answers and closes it', () => {
    process.env.TARO_ENV = 'weapp';
    let listener: ((resolve: (o: unknown) => void) => void) | null = null;
    taro.onNeedPrivacyAuthorization = jest.fn((l: typeof listener) => (listener = l));
    render(<PrivacyPopup />);
    expect(screen.queryByTestId('privacy-popup')).not.toBeInTheDocument();
    const resolve = jest.fn();
    act(() => listener!(resolve));
    expect(screen.getByTestId('privacy-popup')).toHaveTextContent('伴学需要你先同意隐私保护指引');
    fireEvent.click(screen.getByTestId('privacy-read'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' });
    fireEvent.click(screen.getByTestId('privacy-decline'));
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(screen.queryByTestId('privacy-popup')).not.toBeInTheDocument();
  });

  it('the notice says what is collected, why, and who sees it', () => {
    render(<PrivacyNotice />);
    expect(screen.getByTestId('privacy-collected')).toHaveTextContent('照片');
    expect(screen.getByTestId('privacy-shared')).toHaveTextContent('只有社工能看到');
  });
});
