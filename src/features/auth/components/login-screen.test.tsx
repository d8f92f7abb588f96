import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AuthOptionsResponse, DemoUser } from '../../../../domain/api/auth';
import { useLocaleStore } from '@/lib/i18n';
import { kickOutbox, outbox } from '@/lib/outbox';
import { caseworkerMe, sessionFor, signIn, sponsorMe, studentMe } from '@/test/fixtures';
import { failWith, mockApi, offline, ok, type Handler, type Reply } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { expireSession } from '../session';
import { useSessionStore } from '../session-store';
import { LoginScreen } from './login-screen';

const demoUsers: DemoUser[] = [
  { accountId: 'acc-cw-1', role: 'caseworker', displayName: '周老师', description: '凉山助学会 社工' },
  { accountId: 'acc-sponsor-1', role: 'sponsor', displayName: '林晓', description: '资助 2 名学生' },
  { accountId: 'acc-admin-1', role: 'ngo_admin', displayName: '马主任', description: '凉山助学会 管理员' },
  { accountId: 'acc-student-1', role: 'student', displayName: '小雨', description: '初二 · 西昌' },
];

const allOptions: AuthOptionsResponse = { demo: true, wechat: true, alipay: true, password: true };

function api(extra: Record<string, Handler | Reply> = {}, options: AuthOptionsResponse = allOptions) {
  return mockApi({
    'GET /api/auth/options': ok(options),
    'GET /api/auth/demo-users': ok({ users: demoUsers }),
    ...extra,
  });
}

const originalEnv = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
});

describe('LoginScreen: demo accounts', () => {
  it('lists demo accounts grouped by role, each group under a heading, each a labelled button', async () => {
    api();
    render(<LoginScreen />);
    const section = await screen.findByTestId('demo-accounts');
    expect(within(section).getByRole('heading', { name: '体验账号' })).toBeInTheDocument();

    const groups = within(section).getAllByTestId(/^demo-group-/);
    expect(groups.map((g) => g.getAttribute('data-testid'))).toEqual([
      'demo-group-sponsor',
      'demo-group-student',
      'demo-group-caseworker',
      'demo-group-ngo_admin',
    ]);
    expect(within(groups[0]).getByRole('heading', { name: '资助人' })).toBeInTheDocument();
    expect(within(groups[3]).getByRole('heading', { name: '机构管理员' })).toBeInTheDocument();

    const button = screen.getByTestId('demo-user-acc-sponsor-1');
    expect(button).toHaveAccessibleName('以资助人“林晓”的身份体验');
    expect(button).toHaveTextContent('资助 2 名学生');
  });

  it('signs in as the tapped person and reopens the app at their home', async () => {
    const sent = api({ 'POST /api/auth/demo': ok(sessionFor(caseworkerMe)) });
    render(<LoginScreen />);
    fireEvent.click(await screen.findByTestId('demo-user-acc-cw-1'));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/staff/pages/home/index' }));
    const post = sent.find((s) => s.method === 'POST');
    expect(post?.path).toBe('/api/auth/demo');
    expect(post?.data).toEqual({ accountId: 'acc-cw-1' });
    expect(post?.header.Authorization).toBeUndefined();
    expect(useSessionStore.getState().me).toEqual(caseworkerMe);
  });

  it('shows why a demo login failed; tapping again retries with the same Idempotency-Key', async () => {
    const sent = api({ 'POST /api/auth/demo': offline });
    render(<LoginScreen />);
    fireEvent.click(await screen.findByTestId('demo-user-acc-sponsor-1'));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('请检查网络后再试一次');
    expect(Taro.reLaunch).not.toHaveBeenCalled();

    mockApi({ 'POST /api/auth/demo': ok(sessionFor(sponsorMe)), 'GET /api/auth/demo-users': ok({ users: demoUsers }) });
    fireEvent.click(screen.getByTestId('demo-user-acc-sponsor-1'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/home/index' }));

    const firstKey = sent.find((s) => s.method === 'POST')?.header['Idempotency-Key'];
    const retryKey = (Taro.request.mock.calls.at(-1)?.[0] as { header: Record<string, string> }).header['Idempotency-Key'];
    expect(firstKey).toBeTruthy();
    expect(retryKey).toBe(firstKey);
  });

  it('asks for the demo list again in the new language', async () => {
    const sent = api();
    render(<LoginScreen />);
    await screen.findByTestId('demo-accounts');
    act(() => useLocaleStore.getState().setLocale('en-US'));
    await screen.findByRole('heading', { name: 'Try a demo account' });
    const lists = sent.filter((s) => s.path === '/api/auth/demo-users');
    expect(lists.map((s) => s.header['Accept-Language'])).toEqual(['zh-CN', 'en-US']);
  });

  it('shows no demo section when the server does not offer it', async () => {
    const sent = api({}, { ...allOptions, demo: false });
    render(<LoginScreen />);
    await screen.findByTestId('password-login');
    expect(screen.queryByTestId('demo-accounts')).not.toBeInTheDocument();
    expect(sent.some((s) => s.path === '/api/auth/demo-users')).toBe(false);
  });
});

describe('LoginScreen: per platform', () => {
  it('h5: staff sign in with username and password', async () => {
    const sent = api({ 'POST /api/auth/password': ok(sessionFor(caseworkerMe)) });
    render(<LoginScreen />);
    await screen.findByTestId('password-login');
    expect(screen.queryByTestId('login-wechat')).not.toBeInTheDocument();

    fireEvent.click(screen.getByTestId('login-submit'));
    expect(screen.getByTestId('login-error')).toHaveTextContent('请填写用户名和密码。');
    expect(sent.some((s) => s.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: ' zhou ' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByTestId('login-submit'));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/staff/pages/home/index' }));
    expect(sent.find((s) => s.method === 'POST')?.data).toEqual({ username: 'zhou', password: 'secret' });
  });

  it('h5: the demo accounts come before the staff form, so people on a phone meet them first', async () => {
    api();
    render(<LoginScreen />);
    const demo = await screen.findByTestId('demo-accounts');
    const staffForm = screen.getByTestId('password-login');
    expect(demo.compareDocumentPosition(staffForm) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('h5: a wrong password shows the server message and stays on the page', async () => {
    api({ 'POST /api/auth/password': failWith(401, 'INVALID_CREDENTIALS', '用户名或密码不正确。') });
    render(<LoginScreen />);
    await screen.findByTestId('password-login');
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'zhou' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('用户名或密码不正确。');
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('weapp: 微信登录 sends the Taro.login code', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.login.mockResolvedValueOnce({ code: 'wx-code-1', errMsg: 'login:ok' });
    const sent = api({ 'POST /api/auth/wechat': ok({ ...sessionFor(sponsorMe), isNewAccount: true }) });
    render(<LoginScreen />);
    fireEvent.click(await screen.findByRole('button', { name: '微信登录' }));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/home/index' }));
    expect(sent.find((s) => s.method === 'POST')).toMatchObject({ path: '/api/auth/wechat', data: { code: 'wx-code-1' } });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '欢迎加入伴学' }));
    expect(screen.queryByTestId('password-login')).not.toBeInTheDocument();
  });

  it('alipay: the auth code goes to /api/auth/alipay', async () => {
    process.env.TARO_ENV = 'alipay';
    Taro.login.mockResolvedValueOnce({ code: 'ali-code-1', errMsg: 'getAuthCode:ok' });
    const sent = api({ 'POST /api/auth/alipay': ok(sessionFor(sponsorMe)) });
    render(<LoginScreen />);
    fireEvent.click(await screen.findByTestId('login-alipay'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalled());
    expect(sent.find((s) => s.method === 'POST')).toMatchObject({ path: '/api/auth/alipay', data: { authCode: 'ali-code-1' } });
  });

  it('weapp: says so when the platform gives no login code', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.login.mockRejectedValueOnce({ errMsg: 'login:fail' });
    const sent = api();
    render(<LoginScreen />);
    fireEvent.click(await screen.findByTestId('login-wechat'));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('没能取得登录凭证');
    expect(sent.some((s) => s.method === 'POST')).toBe(false);
  });
});

describe('LoginScreen: states', () => {
  it('shows a loading state, then an actionable error with retry when the options fail', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({ 'GET /api/auth/options': offline });
    render(<LoginScreen />);
    expect(screen.getByTestId('state-loading')).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('Check your connection and try again.');

    api();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('demo-accounts')).toBeInTheDocument();
  });

  it('explains a return from an expired session', async () => {
    Taro.useRouter.mockReturnValue({ params: { reason: 'expired' }, path: '/pages/login/index' });
    api();
    render(<LoginScreen />);
    expect(await screen.findByTestId('login-expired')).toHaveTextContent('登录已过期，请重新登录。');
  });

  it('says how many writes wait for sign-in, and sends them once the same account signs in here', async () => {
    signIn(studentMe);
    mockApi({ 'POST /api/student/checkins': offline });
    const queued = ['doing_well', 'busy_exams'].map((kind) =>
      outbox.enqueue({ kind: 'checkin', path: '/api/student/checkins', body: { kind }, label: kind }),
    );
    expireSession();

    const sent = api({ 'POST /api/auth/demo': ok(sessionFor(studentMe)), 'POST /api/student/checkins': { statusCode: 201, data: {} } });
    render(<LoginScreen />);
    expect(await screen.findByTestId('login-outbox-waiting')).toHaveTextContent(
      '还有 2 条没有发出去。用原来的账号重新登录后会自动发送；换别的账号登录，这些内容会被删掉。',
    );
    fireEvent.click(await screen.findByTestId('demo-user-acc-student-1'));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenLastCalledWith({ url: '/packages/student/pages/home/index' }));
    await act(() => kickOutbox());
    const checkins = sent.filter((s) => s.path === '/api/student/checkins');
    expect(checkins.map((s) => s.header['Idempotency-Key'])).toEqual(queued.map((item) => item.idempotencyKey));
    expect(screen.queryByTestId('login-outbox-waiting')).not.toBeInTheDocument();
  });

  it('says when no sign-in method is available', async () => {
    api({}, { demo: false, wechat: false, alipay: false, password: false });
    render(<LoginScreen />);
    expect(await screen.findByTestId('state-empty')).toHaveTextContent('这里暂时没有可用的登录方式');
  });
});
