import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useSessionStore } from '@/features/auth';
import { LOCALES, translate, useLocaleStore } from '@/lib/i18n';
import { signIn, sponsorMe } from '@/test/fixtures';
import { failWith, mockApi, offline, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { DeleteAccount } from './delete-account';

const DELETED = { deletedAt: '2026-11-29T04:00:00.000Z', pseudonym: '已注销的资助人 #4f2a', endedSponsorships: 1 };

/** showModal's buttons take 4 Chinese or 8 ASCII characters; longer text and the dialog never opens. */
const fitsModalButton = (text: string) => [...text].reduce((width, char) => width + (char.charCodeAt(0) > 0xff ? 2 : 1), 0) <= 8;

describe('DeleteAccount', () => {
  beforeEach(() => signIn(sponsorMe));

  it('explains what deleting does and keeps', () => {
    render(<DeleteAccount />);
    const text = screen.getByTestId('delete-account').textContent;
    expect(text).toContain('你再也无法登录这个账户');
    expect(text).toContain('学生回到合作机构的照顾中');
    expect(text).toContain('已注销的资助人');
    expect(text).toContain('你写给学生的信留给学生');
  });

  it.each(LOCALES)('asks with dialog buttons the platform will show (%s)', (locale) => {
    expect(fitsModalButton(translate(locale, 'myData.delete.confirm'))).toBe(true);
    expect(fitsModalButton(translate(locale, 'common.cancel'))).toBe(true);
  });

  it('does nothing when the confirmation is cancelled', async () => {
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    const sent = mockApi({ 'POST /api/sponsor/me/delete': ok(DELETED) });
    render(<DeleteAccount />);
    fireEvent.click(screen.getByTestId('delete-account-button'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(sent).toHaveLength(0);
    expect(useSessionStore.getState().token).not.toBeNull();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('deletes after one confirmation, forgets the person on this device and says it is done', async () => {
    useLocaleStore.getState().setLocale('en-US');
    const sent = mockApi({ 'POST /api/sponsor/me/delete': ok(DELETED) });
    render(<DeleteAccount />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account' }));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index?reason=deleted' }));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: 'Delete your account?', confirmText: 'Delete', confirmColor: '#ad2a22' }));
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /api/sponsor/me/delete']);
    expect(sent[0].header['Idempotency-Key']).toBeTruthy();
    expect(useSessionStore.getState().token).toBeNull();
  });

  it('shows why an attempt failed, and the retry is the same operation (same key)', async () => {
    let attempt = 0;
    const sent = mockApi({ 'POST /api/sponsor/me/delete': (req: SentRequest) => (++attempt === 1 ? offline(req) : ok(DELETED)) });
    render(<DeleteAccount />);
    fireEvent.click(screen.getByTestId('delete-account-button'));
    expect(await screen.findByTestId('delete-account-error')).toHaveTextContent('网络');
    expect(useSessionStore.getState().token).not.toBeNull();
    expect(Taro.reLaunch).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('delete-account-button'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index?reason=deleted' }));
    expect(sent).toHaveLength(2);
    expect(sent[1].header['Idempotency-Key']).toBe(sent[0].header['Idempotency-Key']);
  });

  it('ends the same way when the retry learns the first attempt went through (ACCOUNT_DELETED)', async () => {
    mockApi({ 'POST /api/sponsor/me/delete': failWith(401, 'ACCOUNT_DELETED', '这个账户已经注销。') });
    render(<DeleteAccount />);
    fireEvent.click(screen.getByTestId('delete-account-button'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index?reason=deleted' }));
    expect(Taro.reLaunch).toHaveBeenCalledTimes(1);
    expect(useSessionStore.getState().token).toBeNull();
  });
});
