import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { caseworkerMe, signIn } from '@/test/fixtures';
import { failWith, mockApi, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { dataPackage, guardianRequest, student } from '../test-data';
import { GuardianRequestScreen } from './guardian-request-screen';

const DETAIL = 'GET /api/staff/guardian-requests/req-1';
const posts = (sent: SentRequest[]) => sent.filter((s) => s.method === 'POST').map((s) => s.path);
const modal = (n: number) => (Taro.showModal.mock.calls as unknown as Array<[{ title: string; content: string; confirmText: string; confirmColor?: string }]>)[n][0];
const decline = () => Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'ok' }));

/** jsdom's Blob has no text(); FileReader reads it. */
const blobText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

describe('GuardianRequestScreen', () => {
  beforeEach(() => signIn(caseworkerMe));
  // A mini-program refuses a dialog whose button text is longer than four characters.
  afterEach(() => {
    for (const [args] of Taro.showModal.mock.calls as unknown as Array<[{ confirmText: string; cancelText: string }]>) {
      expect(args.confirmText.length).toBeLessThanOrEqual(4);
      expect(args.cancelText.length).toBeLessThanOrEqual(4);
    }
  });

  it('deletion: says what goes and what stays, asks once more (in red), then erases and shows the request completed', async () => {
    const sent = mockApi({
      [DETAIL]: ok({ request: guardianRequest({ kind: 'delete' }), student: student() }),
      'POST /api/staff/guardian-requests/req-1/erase': ok({
        request: guardianRequest({ kind: 'delete', status: 'completed', guardianName: '（已匿名）', closedAt: '2026-11-30T04:00:00Z', closedByName: '周社工' }),
        student: student({ legalName: '（已匿名）', anonymisedAt: '2026-11-30T04:00:00Z', programStatus: 'left' }),
        erasedNow: true,
        counts: { contacts: 2, letters: 12, photos: 3, checkinNotes: 4, termReports: 1, careNotes: 0, notifications: 5, receipts: 1, sponsorshipsEnded: 1 },
      }),
    });
    render(<GuardianRequestScreen requestId='req-1' />);
    const erase = await screen.findByTestId('rights-erase');
    expect(screen.getByText(/将保留：每一笔金额和日期/)).toBeInTheDocument();
    expect(erase).toHaveAttribute('aria-label', '删除阿木小花的个人资料（无法撤销）');

    decline();
    fireEvent.click(erase);
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(modal(0)).toMatchObject({ title: '删除阿木小花的个人资料？', confirmText: '删除', confirmColor: '#ad2a22' });
    expect(posts(sent)).toEqual([]);

    fireEvent.click(erase);
    expect(await screen.findByTestId('rights-erased')).toHaveTextContent('已删除：12 封信的正文、3 张照片、2 位联系人');
    expect(posts(sent)).toEqual(['/api/staff/guardian-requests/req-1/erase']);
    expect(screen.getByTestId('rights-status')).toHaveAttribute('data-value', 'completed');
    expect(screen.getByTestId('rights-anonymised')).toBeInTheDocument();
    expect(screen.queryByTestId('rights-erase')).not.toBeInTheDocument();
    expect(screen.queryByTestId('rights-refuse-open')).not.toBeInTheDocument();
  });

  it('deletion refused by the server (open care) shows why and keeps the request open', async () => {
    mockApi({
      [DETAIL]: ok({ request: guardianRequest({ kind: 'delete' }), student: student() }),
      'POST /api/staff/guardian-requests/req-1/erase': failWith(409, 'STUDENT_OPEN_CARE', '这位同学还有未处理完的关怀事项。'),
    });
    render(<GuardianRequestScreen requestId='req-1' />);
    fireEvent.click(await screen.findByTestId('rights-erase'));
    expect(await screen.findByTestId('rights-failure')).toHaveTextContent('还有未处理完的关怀事项');
    expect(screen.getByTestId('rights-status')).toHaveAttribute('data-value', 'received');
    expect(screen.getByTestId('rights-erase')).toBeInTheDocument();
  });

  it('access: prepares the package, shows it readably with what was kept back, downloads it as JSON, then completes', async () => {
    const pkg = dataPackage();
    const sent = mockApi({
      [DETAIL]: ok({ request: guardianRequest(), student: student() }),
      'POST /api/staff/guardian-requests/req-1/data-package': ok({ request: guardianRequest({ status: 'in_progress', actedAt: '2026-11-30T04:00:00Z' }), dataPackage: pkg }),
      'POST /api/staff/guardian-requests/req-1/complete': (req) => ok(guardianRequest({ status: 'completed', closingNote: (req.data as { note?: string }).note ?? null, closedAt: '2026-11-30T05:00:00Z', closedByName: '周社工' })),
    });
    render(<GuardianRequestScreen requestId='req-1' />);
    expect(screen.queryByTestId('rights-complete')).not.toBeInTheDocument();
    fireEvent.click(await screen.findByTestId('rights-produce'));
    const view = await screen.findByTestId('rights-package');
    expect(view).toHaveTextContent('阿木小花');
    expect(view).toHaveTextContent('谢谢您，我在学校很好。');
    expect(view).toHaveTextContent('（为了孩子的安全，这段文字未放入）');
    expect(screen.getByTestId('rights-package-withheld')).toHaveTextContent('1 段触发过安全关注的文字，2 条机构内部关怀记录');

    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:package';
    });
    URL.revokeObjectURL = jest.fn();
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    fireEvent.click(screen.getByTestId('rights-package-save'));
    expect(await screen.findByTestId('rights-package-saved')).toHaveTextContent('已下载 banxue-student-data-2026-11-30.json');
    expect(clicked.map((a) => a.download)).toEqual(['banxue-student-data-2026-11-30.json']);
    expect(JSON.parse(await blobText(blobs[0]))).toEqual(pkg);

    fireEvent.change(screen.getByTestId('rights-complete-note'), { target: { value: '已打印交给母亲' } });
    fireEvent.click(screen.getByTestId('rights-complete'));
    await waitFor(() => expect(screen.getByTestId('rights-status')).toHaveAttribute('data-value', 'completed'));
    expect(modal(0)).toMatchObject({ title: '办结这项申请？', confirmText: '办结' });
    expect(screen.getByTestId('rights-closed')).toHaveTextContent('已打印交给母亲');
    expect(posts(sent)).toEqual(['/api/staff/guardian-requests/req-1/data-package', '/api/staff/guardian-requests/req-1/complete']);
  });

  it('correction: opens the usual student edit for this request', async () => {
    mockApi({ [DETAIL]: ok({ request: guardianRequest({ kind: 'correct' }), student: student() }) });
    render(<GuardianRequestScreen requestId='req-1' />);
    fireEvent.click(await screen.findByTestId('rights-correct'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/student-edit/index?id=stu-9&requestId=req-1' });
  });

  it('refusal needs a reason, is confirmed, and closes the request', async () => {
    const sent = mockApi({
      [DETAIL]: ok({ request: guardianRequest({ kind: 'correct' }), student: student() }),
      'POST /api/staff/guardian-requests/req-1/refuse': (req) => ok(guardianRequest({ kind: 'correct', status: 'refused', closingNote: (req.data as { reason: string }).reason, closedAt: '2026-11-30T05:00:00Z', closedByName: '周社工' })),
    });
    render(<GuardianRequestScreen requestId='req-1' />);
    fireEvent.click(await screen.findByTestId('rights-refuse-open'));
    fireEvent.click(screen.getByTestId('rights-refuse'));
    expect(screen.getByTestId('field-error')).toHaveTextContent('请填写这一项。');
    expect(Taro.showModal).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('rights-refuse-reason'), { target: { value: '无法核实申请人的身份' } });
    fireEvent.click(screen.getByTestId('rights-refuse'));
    await waitFor(() => expect(screen.getByTestId('rights-status')).toHaveAttribute('data-value', 'refused'));
    expect(modal(0).content).toBe('理由：无法核实申请人的身份');
    expect(posts(sent)).toEqual(['/api/staff/guardian-requests/req-1/refuse']);
    expect(screen.queryByTestId('rights-correct')).not.toBeInTheDocument();
  });
});
