import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { adminMe, caseworkerMe, signIn } from '@/test/fixtures';
import { failWith, mockApi, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { studentDetail } from '../test-data';
import type { ConsentView } from '../types';
import { StudentRecord } from './student-record';

const NOW = new Date('2026-11-30T04:00:00Z');
const DETAIL = 'GET /api/staff/students/stu-9';
const modalArgs = (n: number) => (Taro.showModal.mock.calls as unknown as Array<[{ title: string; content: string }]>)[n][0];
const consent: ConsentView = {
  id: 'con-1',
  guardianName: '阿木拉则',
  relation: '母亲',
  consentedOn: '2026-11-20',
  method: 'paper',
  scope: '同意参加项目',
  retainUntil: '2033-12-31',
  recordedBy: '周老师',
  createdAt: '2026-11-20T03:00:00Z',
  withdrawnAt: null,
  withdrawnReason: null,
};

describe('StudentRecord', () => {
  // A mini-program refuses a dialog whose button text is longer than four characters.
  afterEach(() => {
    for (const [args] of Taro.showModal.mock.calls as unknown as Array<[{ confirmText: string; cancelText: string }]>) {
      expect(args.confirmText.length).toBeLessThanOrEqual(4);
      expect(args.cancelText.length).toBeLessThanOrEqual(4);
    }
  });

  it('marks staff-only and sponsor-facing parts; only an NGO admin may approve the story, after confirming', async () => {
    signIn(adminMe);
    let approved = false;
    const sent = mockApi({
      [DETAIL]: () => ok(studentDetail(approved ? { storyApprovedAt: '2026-11-30T04:00:00Z' } : {})),
      'POST /api/staff/students/stu-9/approve-story': () => {
        approved = true;
        return ok({ storyApprovedAt: '2026-11-30T04:00:00Z' });
      },
    });
    render(<StudentRecord studentId='stu-9' role='ngo_admin' now={NOW} />);
    const staffPart = await screen.findByTestId('record-staff');
    expect(staffPart).toHaveTextContent('仅工作人员可见');
    expect(within(staffPart).getByTestId('record-legal-name')).toHaveTextContent('阿木小花');
    expect(within(staffPart).getByTestId('record-school')).toHaveTextContent('昭觉县第二中学');
    const sponsorPart = screen.getByTestId('record-sponsor');
    expect(sponsorPart).toHaveTextContent('资助人可见');
    expect(sponsorPart).toHaveTextContent('喜欢画画');
    expect(screen.getByTestId('story-state')).toHaveAttribute('data-value', 'pending');

    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(screen.getByTestId('story-approve'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('story-approve'));
    await waitFor(() => expect(screen.getByTestId('story-state')).toHaveAttribute('data-value', 'approved'));
    expect(sent.filter((s) => s.method === 'POST').map((s) => s.path)).toEqual(['/api/staff/students/stu-9/approve-story']);
    expect(screen.queryByTestId('story-approve')).not.toBeInTheDocument();
  });

  it('does not offer a caseworker the approve button or entering the pool', async () => {
    signIn(caseworkerMe);
    mockApi({ [DETAIL]: ok(studentDetail()) });
    render(<StudentRecord studentId='stu-9' role='caseworker' now={NOW} />);
    await screen.findByTestId('record-sponsor');
    expect(screen.queryByTestId('story-approve')).not.toBeInTheDocument();
    expect(screen.getByTestId('story-admin-only')).toHaveTextContent('由机构管理员审核');
    expect(screen.queryByTestId('pool-enter')).not.toBeInTheDocument();
  });

  it('asks before withdrawing consent, says the student is hidden from sponsors at once, then shows the next steps', async () => {
    signIn(adminMe);
    let withdrawn = false;
    const sent = mockApi({
      [DETAIL]: () =>
        ok(studentDetail(withdrawn
          ? { consents: [{ ...consent, withdrawnAt: '2026-11-30T04:00:00Z', withdrawnReason: '家长改变主意' }], consentActive: false }
          : { consents: [consent], consentActive: true, poolSince: '2026-11-25T00:00:00Z', poolBlockers: [] })),
      'POST /api/staff/students/stu-9/consents/con-1/withdraw': () => {
        withdrawn = true;
        return ok({ consent, hiddenFromSponsors: true, removedFromPool: true, nextSteps: ['联系监护人了解原因。', '删除学生照片。'] });
      },
    });
    render(<StudentRecord studentId='stu-9' role='ngo_admin' now={NOW} />);
    fireEvent.click(await screen.findByTestId('consent-withdraw-open'));
    expect(screen.getByTestId('consent-withdraw-form')).toHaveTextContent('立即从资助人那里隐藏');
    fireEvent.click(screen.getByTestId('consent-withdraw-submit'));
    expect(screen.getByTestId('field-error')).toHaveTextContent('请填写这一项。');
    expect(Taro.showModal).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('consent-withdraw-reason'), { target: { value: '家长改变主意' } });
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(screen.getByTestId('consent-withdraw-submit'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(modalArgs(0).title).toBe('撤回监护人同意？');
    expect(modalArgs(0).content).toContain('小花会立即从资助人那里隐藏');
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('consent-withdraw-submit'));
    const steps = await screen.findAllByTestId('consent-next-step');
    expect(steps.map((s) => s.textContent)).toEqual(['1. 联系监护人了解原因。', '2. 删除学生照片。']);
    expect(sent.find((s) => s.method === 'POST')?.data).toEqual({ reason: '家长改变主意' });
    await waitFor(() => expect(screen.getByTestId('consent-status')).toHaveAttribute('data-value', 'withdrawn'));
  });

  it('shows a consent recorded as scope codes in words, and one written in words as it is', async () => {
    signIn(adminMe);
    mockApi({ [DETAIL]: ok(studentDetail({ consents: [{ ...consent, scope: 'program,sponsor_profile,letters,photos' }, { ...consent, id: 'con-2' }], consentActive: true })) });
    render(<StudentRecord studentId='stu-9' role='ngo_admin' now={NOW} />);
    const [coded, written] = await screen.findAllByTestId('consent-item');
    expect(within(coded).getAllByTestId('consent-scope-item').map((item) => item.textContent)).toEqual([
      '· 参加一对一助学项目',
      '· 向资助人展示孩子的展示名、年龄、年级、省市和经审核的介绍',
      '· 与资助人通信（经机构审核）',
      '· 向资助人展示经审核的照片',
    ]);
    expect(coded).not.toHaveTextContent('sponsor_profile');
    expect(within(written).queryByTestId('consent-scope-item')).not.toBeInTheDocument();
    expect(written).toHaveTextContent('同意参加项目');
  });

  it('records a guardian consent after checking it', async () => {
    signIn(adminMe);
    const sent = mockApi({ [DETAIL]: ok(studentDetail()), 'POST /api/staff/students/stu-9/consents': { statusCode: 201, data: consent } });
    render(<StudentRecord studentId='stu-9' role='ngo_admin' now={NOW} />);
    fireEvent.click(await screen.findByTestId('consent-record-open'));
    expect(screen.getByTestId('consent-date')).toHaveValue('2026-11-30');
    expect(screen.getByTestId('consent-date')).toHaveAttribute('max', '2026-11-30');
    expect(screen.getByTestId('consent-retain')).toHaveAttribute('min', '2026-12-01');
    fireEvent.change(screen.getByTestId('consent-guardian'), { target: { value: '阿木拉则' } });
    fireEvent.change(screen.getByTestId('consent-relation'), { target: { value: '母亲' } });
    fireEvent.click(screen.getByTestId('consent-submit'));
    expect(screen.getAllByTestId('field-error').map((e) => e.textContent)).toEqual(['请选择日期。', '请选择一项。']);
    fireEvent.change(screen.getByTestId('consent-retain'), { target: { value: '2033-12-31' } });
    fireEvent.click(screen.getByTestId('consent-submit'));
    expect(screen.getByTestId('field-error')).toHaveTextContent('请选择一项。');
    fireEvent.click(screen.getByTestId('consent-method-paper'));
    fireEvent.click(screen.getByTestId('consent-submit'));
    await waitFor(() => expect(screen.queryByTestId('consent-form')).not.toBeInTheDocument());
    expect(modalArgs(0).content).toContain('阿木拉则（母亲）');
    expect(sent.find((s) => s.method === 'POST')?.data).toMatchObject({ guardianName: '阿木拉则', relation: '母亲', consentedOn: '2026-11-30', method: 'paper', retainUntil: '2033-12-31' });
  });

  it('keeps "enter the pool" disabled, saying why, until nothing is missing', async () => {
    signIn(adminMe);
    const sent = mockApi({ [DETAIL]: ok(studentDetail()) });
    render(<StudentRecord studentId='stu-9' role='ngo_admin' now={NOW} />);
    const button = await screen.findByTestId('pool-enter');
    expect(screen.getByTestId('pool-blockers')).toHaveTextContent('监护人同意书');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleName('进入资助池（还需要：监护人同意书、已审核的介绍）');
    expect(screen.getByTestId('pool-enter-reason')).toHaveTextContent('完成上面列出的事项后，才能进入资助池。');

    fireEvent.click(button);
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);
  });

  it('offers "enter the pool" once nothing is missing', async () => {
    signIn(adminMe);
    mockApi({ [DETAIL]: ok(studentDetail({ poolBlockers: [] })) });
    render(<StudentRecord studentId='stu-9' role='ngo_admin' now={NOW} />);
    const button = await screen.findByTestId('pool-enter');
    expect(button).not.toHaveAttribute('aria-disabled');
    expect(button).toHaveAccessibleName('进入资助池');
    expect(screen.queryByTestId('pool-enter-reason')).not.toBeInTheDocument();
  });

  it('shows what is missing when the server refuses to put the student in the pool', async () => {
    signIn(adminMe);
    mockApi({
      [DETAIL]: ok(studentDetail({ poolBlockers: [] })),
      'POST /api/staff/students/stu-9/pool': {
        statusCode: 409,
        data: {
          error: {
            code: 'POOL_REQUIREMENTS_MISSING',
            message: '还不能进入资助池。',
            details: [
              { field: 'consent_missing', message: 'no consent' },
              { field: 'story_not_approved', message: 'story' },
            ],
          },
        },
      },
    });
    render(<StudentRecord studentId='stu-9' role='ngo_admin' now={NOW} />);
    fireEvent.click(await screen.findByTestId('pool-enter'));
    const items = await screen.findAllByTestId('pool-missing-item');
    expect(items.map((i) => i.textContent)).toEqual(['• 监护人同意书', '• 已审核的介绍']);
    expect(modalArgs(0).content).toContain('资助人将能看到小花');
  });

  it('issues an invite: the code in large type, the QR image, its expiry, and that issuing again revokes it', async () => {
    signIn(caseworkerMe);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>';
    mockApi({
      [DETAIL]: ok(studentDetail()),
      'POST /api/staff/students/stu-9/invites': { statusCode: 201, data: { code: 'K7M2Q9XP', expiresAt: '2026-12-07T04:00:00Z', qrPayload: 'banxue://invite/K7M2Q9XP', qrSvg: svg } },
    });
    render(<StudentRecord studentId='stu-9' role='caseworker' now={NOW} />);
    fireEvent.click(await screen.findByTestId('invite-issue'));
    expect(await screen.findByTestId('invite-code')).toHaveTextContent('K7M2Q9XP');
    expect(screen.getByTestId('invite-qr')).toHaveAttribute('src', `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`);
    expect(screen.getByTestId('invite-expires')).toHaveTextContent('2026年12月7日');
    expect(screen.getByTestId('invite-section')).toHaveTextContent('重新生成会让旧的邀请码失效');
    expect(Taro.showModal).not.toHaveBeenCalled();

    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(screen.getByTestId('invite-issue'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(modalArgs(0).content).toBe('之前的邀请码会立即失效。');
  });

  it('enters a term report on the student’s behalf, marked as entered by the caseworker', async () => {
    signIn(caseworkerMe);
    const sent = mockApi({
      [DETAIL]: ok(studentDetail()),
      'POST /api/staff/students/stu-9/term-reports': { statusCode: 201, data: { id: 'tr-1', term: '2026-2027-1', grade: 7, overallResult: '进步很大', authoredBy: 'caseworker', photoUrl: null, createdAt: '2026-11-30T04:00:00Z' } },
    });
    render(<StudentRecord studentId='stu-9' role='caseworker' now={NOW} />);
    fireEvent.click(await screen.findByTestId('term-open'));
    expect(screen.getByTestId('term-report-form')).toHaveTextContent('由社工录入');
    fireEvent.change(screen.getByTestId('term-result'), { target: { value: '进步很大' } });
    fireEvent.click(screen.getByTestId('term-submit'));
    expect(await screen.findByTestId('term-report-saved')).toHaveTextContent('2026–2027 学年第一学期');
    expect(sent.find((s) => s.method === 'POST')?.data).toEqual({ term: '2026-2027-1', grade: 7, overallResult: '进步很大' });
  });

  it('says so when the record cannot be loaded, and retries', async () => {
    signIn(adminMe);
    let calls = 0;
    mockApi({ [DETAIL]: () => (++calls === 1 ? failWith(404, 'NOT_FOUND', '没有找到这位学生。') : ok(studentDetail())) });
    render(<StudentRecord studentId='stu-9' role='ngo_admin' now={NOW} />);
    expect(await screen.findByTestId('student-record-error')).toHaveTextContent('没有找到这位学生。');
    fireEvent.click(screen.getByTestId('state-retry'));
    expect(await screen.findByTestId('student-record')).toBeInTheDocument();
  });
});
