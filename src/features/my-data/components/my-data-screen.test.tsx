import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { signIn, sponsorMe } from '@/test/fixtures';
import { failWith, mockApi, ok } from '@/test/http';
import { sampleExport } from '../test-data';
import { MyDataScreen } from './my-data-screen';

/** jsdom's Blob has no text(); FileReader reads it. */
const blobText = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

const headings = () => screen.getAllByRole('heading').map((h) => h.textContent);

describe('MyDataScreen', () => {
  beforeEach(() => signIn(sponsorMe));

  it('shows every part of the data under its own heading', async () => {
    mockApi({ 'GET /api/sponsor/me/data': ok(sampleExport()) });
    render(<MyDataScreen />);
    await screen.findByTestId('my-data-account');
    expect(headings()).toEqual(expect.arrayContaining(['我的数据', '你的权利', '注销账户', '账户', '登录方式', '登录记录', '资助', '书信', '消息', '订阅与确认', '照片']));
    expect(screen.getByTestId('my-data-display-name')).toHaveTextContent('显示名：林晓');
    expect(screen.getByTestId('my-data-identities')).toHaveTextContent('微信（o-linxiao），2025年8月1日 绑定');
    expect(screen.getByTestId('my-data-sessions')).toHaveTextContent('当前登录');
    expect(screen.getByTestId('my-data-sessions')).toHaveTextContent('已退出');
    const sponsorship = screen.getByTestId('my-data-sponsorship');
    expect(sponsorship).toHaveTextContent('小雨');
    expect(within(sponsorship).getByTestId('my-data-sponsorship-totals')).toHaveTextContent('承诺资助 ¥9,000 · 已付款 ¥3,500 · 已使用 ¥2,000');
    const letters = screen.getAllByTestId('my-data-letter');
    expect(letters.map((l) => within(l).getByRole('heading').textContent)).toEqual(['来自小雨', '写给小雨']);
    // A received letter reads as it was delivered: what staff covered stays covered.
    expect(within(letters[0]).getByTestId('my-data-letter-body')).toHaveTextContent('谢谢您！我的电话是 ■■■');
    expect(screen.getByTestId('my-data-notification')).toHaveTextContent('小雨回信了');
    expect(screen.getByTestId('my-data-consents')).toHaveTextContent('收到来信：还可提醒 2 次');
    expect(screen.getByTestId('my-data-consents')).toHaveTextContent('整份承诺');
    expect(screen.getByTestId('my-data-uploads')).toHaveTextContent('你上传了 2 张照片，其中 1 张没有随信寄出。');
    expect(screen.queryByTestId('my-data-truncated')).toBeNull();
  });

  it('speaks English when asked', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({ 'GET /api/sponsor/me/data': ok(sampleExport()) });
    render(<MyDataScreen />);
    await screen.findByTestId('my-data-account');
    expect(headings()).toEqual(expect.arrayContaining(['My data', 'Your rights', 'Delete account', 'Account', 'Sign-in methods', 'Sign-ins', 'Sponsorships', 'Letters', 'Notifications', 'Subscriptions and consents', 'Photos']));
    expect(screen.getAllByTestId('my-data-letter').map((l) => within(l).getByRole('heading').textContent)).toEqual(['From 小雨', 'To 小雨']);
    expect(screen.getByTestId('my-data-identities')).toHaveTextContent('WeChat (o-linxiao), linked Aug 1, 2025');
    expect(screen.getByTestId('delete-account-button')).toHaveTextContent('Delete my account');
  });

  it('downloads exactly what the server sent as a dated JSON file', async () => {
    const data = sampleExport();
    mockApi({ 'GET /api/sponsor/me/data': ok(data) });
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:my-data';
    });
    URL.revokeObjectURL = jest.fn();
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    render(<MyDataScreen />);
    await screen.findByTestId('my-data-account');
    fireEvent.click(screen.getByTestId('my-data-download'));

    await waitFor(() => expect(screen.getByTestId('my-data-saved')).toHaveTextContent('已下载：banxue-my-data-2026-11-29.json'));
    expect(clicked.map((a) => [a.download, a.getAttribute('href')])).toEqual([['banxue-my-data-2026-11-29.json', 'blob:my-data']]);
    expect(blobs[0].type).toBe('application/json');
    expect(JSON.parse(await blobText(blobs[0]))).toEqual(data);
    click.mockRestore();
  });

  it('says when some parts were cut to their newest records', async () => {
    mockApi({ 'GET /api/sponsor/me/data': ok(sampleExport({ truncated: ['letters', 'notifications'] })) });
    render(<MyDataScreen />);
    expect(await screen.findByTestId('my-data-truncated')).toHaveTextContent('书信 · 消息');
  });

  it('keeps the way to delete the account when the data cannot be loaded, and offers to try again', async () => {
    let fail = true;
    mockApi({ 'GET /api/sponsor/me/data': () => (fail ? failWith(503, 'INTERNAL', 'down') : ok(sampleExport())) });
    render(<MyDataScreen />);
    expect(await screen.findByTestId('state-error')).toBeInTheDocument();
    expect(screen.getByTestId('delete-account-button')).toBeInTheDocument();
    expect(screen.getByTestId('my-data-download')).toHaveAttribute('disabled');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByTestId('my-data-account')).toBeInTheDocument();
  });
});
