import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useSessionStore } from '@/features/auth';
import { sessionFor, studentMe } from '@/test/fixtures';
import { failWith, mockApi, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { InviteScreen } from './invite-screen';

const ROUTE = 'POST /api/auth/invite';

describe('InviteScreen', () => {
  it('binds with a code from a scanned link (demo mode on h5), stores the session and opens the student home', async () => {
    const sent = mockApi({ [ROUTE]: ok(sessionFor(studentMe)) });
    render(<InviteScreen initialCode='banxue://invite/abcd2345' />);
    expect(screen.getByTestId('invite-code')).toHaveValue('ABCD2345');
    // h5 has no camera scan; the code is typed.
    expect(screen.queryByTestId('invite-scan')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('invite-submit'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/student/pages/home/index' }));
    expect(sent[0].data).toEqual({ code: 'ABCD2345', platform: 'demo' });
    expect(sent[0].header.Authorization).toBeUndefined();
    expect(sent[0].header['Idempotency-Key']).toBeTruthy();
    expect(useSessionStore.getState().me).toEqual(studentMe);
  });

  it('checks the code’s shape before asking the server', () => {
    const sent = mockApi({});
    render(<InviteScreen />);
    fireEvent.change(screen.getByTestId('invite-code'), { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('invite-submit'));
    expect(screen.getByTestId('invite-error')).toHaveTextContent('邀请码是 8 位字母或数字');
    expect(sent).toHaveLength(0);
  });

  it.each([
    [409, 'INVITE_USED', '这个邀请码已经用过了。'],
    [410, 'INVITE_EXPIRED', '这个邀请码已过期，请请社工重新发一个。'],
    [404, 'INVITE_INVALID', '邀请码不正确，请核对后再输入。'],
  ])('shows the server’s message for %s %s and stays signed out', async (status, code, message) => {
    mockApi({ [ROUTE]: failWith(status, code, message) });
    render(<InviteScreen initialCode='ABCD2345' />);
    fireEvent.click(screen.getByTestId('invite-submit'));
    expect(await screen.findByTestId('invite-error')).toHaveTextContent(message);
    expect(useSessionStore.getState().token).toBeNull();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });
});
