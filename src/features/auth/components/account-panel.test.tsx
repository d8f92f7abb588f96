import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { draftKey, useLetterDraftStore } from '@/lib/letter-drafts';
import { kickOutbox, outbox } from '@/lib/outbox';
import { caseworkerMe, signIn, studentMe } from '@/test/fixtures';
import { mockApi, offline } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { useSessionStore } from '../session-store';
import { AccountPanel } from './account-panel';

describe('AccountPanel', () => {
  it('shows who is signed in', () => {
    signIn(caseworkerMe);
    render(<AccountPanel />);
    expect(screen.getByTestId('current-user')).toHaveTextContent('周老师');
    expect(screen.getByTestId('current-user')).toHaveTextContent('社工 · 凉山助学会');
  });

  it('does nothing when the confirmation is cancelled', async () => {
    signIn(caseworkerMe);
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    const sent = mockApi({ 'POST /api/auth/logout': { statusCode: 204 } });
    render(<AccountPanel />);
    fireEvent.click(screen.getByTestId('logout'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(sent).toHaveLength(0);
    expect(useSessionStore.getState().token).not.toBeNull();
  });

  it('signs out after confirmation', async () => {
    signIn(caseworkerMe);
    const sent = mockApi({ 'POST /api/auth/logout': { statusCode: 204 } });
    render(<AccountPanel />);
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '退出登录？', confirmText: '退出' }));
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /api/auth/logout']);
    expect(useSessionStore.getState().token).toBeNull();
    expect(screen.getByText('尚未登录')).toBeInTheDocument();
  });

  it('warns that unsent writes will be deleted, keeps them when cancelled, deletes them when confirmed', async () => {
    signIn(studentMe);
    mockApi({ 'POST /api/student/checkins': offline, 'POST /api/auth/logout': { statusCode: 204 } });
    outbox.enqueue({ kind: 'checkin', path: '/api/student/checkins', body: { kind: 'doing_well' }, label: '我很好' });
    await kickOutbox();
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    render(<AccountPanel />);

    fireEvent.click(screen.getByTestId('logout'));
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ content: '还有 1 条没有发出去。退出后它们会从这台设备上删掉，不会再发送。', confirmText: '仍要退出' }),
      ),
    );
    expect(outbox.getSnapshot().items).toHaveLength(1);

    fireEvent.click(screen.getByTestId('logout'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    expect(outbox.getSnapshot().items).toHaveLength(0);
    expect(Taro.getStorageSync('banxue.outbox')).toBe('');
  });

  it('says that letters still being written will be deleted, and deletes them when confirmed', async () => {
    signIn(studentMe);
    const drafts = useLetterDraftStore.getState();
    drafts.setBody(draftKey({ kind: 'new', sponsorshipId: 'sp-1' }, studentMe.accountId), '谢谢您寄来的书');
    // Opened and left empty: nothing to lose, not counted.
    drafts.ensure(draftKey({ kind: 'reply', letterId: 'l-1' }, studentMe.accountId));
    mockApi({ 'POST /api/auth/logout': { statusCode: 204 } });
    render(<AccountPanel />);

    fireEvent.click(screen.getByTestId('logout'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        content: '退出后，这台设备上保存的登录信息和数据会被清除。\n还有 1 封没写完的信，草稿也会一起删掉。',
        confirmText: '仍要退出',
      }),
    );
    expect(useLetterDraftStore.getState().drafts).toEqual({});
  });
});
