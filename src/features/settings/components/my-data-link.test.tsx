import { fireEvent, render, screen } from '@testing-library/react';
import { caseworkerMe, signIn, sponsorMe, studentMe } from '@/test/fixtures';
import * as Taro from '@/test/taro-mock';
import { MyDataLink } from './my-data-link';

describe('MyDataLink', () => {
  it('takes a sponsor to their data and the way to delete the account', () => {
    signIn(sponsorMe);
    render(<MyDataLink />);
    fireEvent.click(screen.getByRole('button', { name: '查看、下载我的数据，或注销账户' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/my-data/index' });
  });

  it('takes a sponsor to their yearly giving statement', () => {
    signIn(sponsorMe);
    render(<MyDataLink />);
    fireEvent.click(screen.getByRole('button', { name: '查看、下载年度资助明细' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/statement/index' });
  });

  it.each([studentMe, caseworkerMe])('is not offered to a $role', (me) => {
    signIn(me);
    render(<MyDataLink />);
    expect(screen.queryByTestId('open-my-data')).toBeNull();
    expect(screen.queryByTestId('open-statement')).toBeNull();
  });
});
