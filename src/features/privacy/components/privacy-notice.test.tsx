import { fireEvent, render, screen, within } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { enUS } from '@/lib/i18n/locales/en-US';
import { caseworkerMe, signIn, studentMe } from '@/test/fixtures';
import * as Taro from '@/test/taro-mock';
import { PrivacyLink } from './privacy-link';
import { PrivacyNotice } from './privacy-notice';

const items = (part: string) => within(screen.getByTestId(`privacy-${part}-items`)).getAllByRole('listitem').map((item) => item.textContent);

describe('PrivacyNotice', () => {
  it('opens on the signed-in person’s role: a student reads what the sponsor never sees and how a guardian asks the NGO', () => {
    signIn(studentMe);
    render(<PrivacyNotice />);
    expect(screen.getByTestId('privacy-for-student')).toBeInTheDocument();
    expect(screen.getByTestId('privacy-shared')).toHaveTextContent('资助人看不到你的姓、学校、村子、证件号、电话或具体位置');
    expect(screen.getByTestId('privacy-kept')).toHaveTextContent('通常 3 年');
    expect(screen.getByTestId('privacy-rights')).toHaveTextContent('监护人');
    expect(screen.getByTestId('privacy-rights')).toHaveTextContent('机构');
  });

  it('shows each role’s own parts when chosen, and sponsors’ rights name export and account deletion', () => {
    render(<PrivacyNotice />);
    expect(screen.getByTestId('privacy-for-sponsor')).toBeInTheDocument();
    expect(items('rights').join('\n')).toMatch(/导出我的数据[\s\S]*注销账号/);
    expect(screen.getByTestId('privacy-kept')).toHaveTextContent('化名');

    fireEvent.click(screen.getByTestId('privacy-role-staff'));
    expect(screen.getByTestId('privacy-for-staff')).toBeInTheDocument();
    expect(screen.getByTestId('privacy-collected')).toHaveTextContent('每次查看和修改');
    expect(screen.queryByTestId('privacy-for-sponsor')).not.toBeInTheDocument();
  });

  it('staff open on the staff part; an explicit role wins over the signed-in one', () => {
    signIn(caseworkerMe);
    const { unmount } = render(<PrivacyNotice />);
    expect(screen.getByTestId('privacy-for-staff')).toBeInTheDocument();
    unmount();
    render(<PrivacyNotice role='student' />);
    expect(screen.getByTestId('privacy-for-student')).toBeInTheDocument();
  });

  it('says, for everyone, which phone permissions are used and which never are', () => {
    render(<PrivacyNotice />);
    expect(screen.getByTestId('privacy-device')).toHaveTextContent('我们从不读取剪贴板');
    expect(screen.getByTestId('privacy-device')).toHaveTextContent('我们不获取你的位置、通讯录或麦克风');
    expect(screen.getByTestId('privacy-contact')).toBeInTheDocument();
  });

  it('reads in English too, one list item per line of the text', () => {
    useLocaleStore.setState({ locale: 'en-US' });
    render(<PrivacyNotice role='sponsor' />);
    expect(screen.getByTestId('privacy-rights')).toHaveTextContent('Delete my account');
    expect(items('collected')).toEqual(enUS['privacy.sponsor.collected'].split('\n'));
  });

});

describe('PrivacyLink', () => {
  it('opens the notice from settings', () => {
    render(<PrivacyLink />);
    fireEvent.click(screen.getByTestId('open-privacy'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' });
  });
});
