import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { caseworkerMe, signIn } from '@/test/fixtures';
import { mockApi, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { guardianRequest, student } from '../test-data';
import { GuardianRequestsScreen } from './guardian-requests-screen';

const NOW = new Date('2026-11-30T04:00:00Z');
const LIST = 'GET /api/staff/students/stu-9/guardian-requests';
const posts = (sent: SentRequest[]) => sent.filter((s) => s.method === 'POST');
const errorFields = () => screen.queryAllByTestId('field-error').map((e) => [e.getAttribute('data-field'), e.textContent]);
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('GuardianRequestsScreen', () => {
  beforeEach(() => signIn(caseworkerMe));

  it('lists the student’s requests with their kind, guardian and status, and opens one', async () => {
    mockApi({
      [LIST]: ok({
        student: student(),
        items: [guardianRequest({ id: 'req-2', kind: 'delete', status: 'completed' }), guardianRequest({ id: 'req-1', status: 'in_progress' })],
        nextCursor: null,
      }),
    });
    render(<GuardianRequestsScreen studentId='stu-9' now={NOW} />);
    const items = await screen.findAllByTestId('rights-item');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringMatching(/删除资料 · 阿木拉则（母亲）.*已办结/),
      expect.stringMatching(/查阅资料 · 阿木拉则（母亲）.*处理中/),
    ]);
    expect(screen.getByRole('heading', { level: 2, name: '申请记录' })).toBeInTheDocument();
    fireEvent.click(items[1]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/guardian-request/index?id=req-1' });
  });

  it('says so when the student’s data was already erased', async () => {
    mockApi({ [LIST]: ok({ student: student({ legalName: '（已匿名）', anonymisedAt: '2026-11-29T04:00:00Z' }), items: [], nextCursor: null }) });
    render(<GuardianRequestsScreen studentId='stu-9' now={NOW} />);
    expect(await screen.findByTestId('rights-anonymised')).toHaveTextContent('已于 2026年11月29日 删除');
    expect(screen.getByTestId('rights-list')).toHaveTextContent('还没有申请');
  });

  it('checks the new request at each field before sending, then records it and opens it', async () => {
    const sent = mockApi({
      [LIST]: ok({ student: student(), items: [], nextCursor: null }),
      'POST /api/staff/students/stu-9/guardian-requests': ok(guardianRequest({ id: 'req-new', kind: 'delete' })),
    });
    render(<GuardianRequestsScreen studentId='stu-9' now={NOW} />);
    fireEvent.click(await screen.findByTestId('rights-record-open'));
    expect(screen.getByTestId('rights-received-on')).toHaveValue('2026-11-30');
    type('rights-received-on', '2026-12-01');
    fireEvent.click(screen.getByTestId('rights-submit'));
    expect(errorFields()).toEqual([
      ['kind', '请选择。'],
      ['guardianName', '请填写这一项。'],
      ['guardianRelation', '请填写这一项。'],
      ['receivedVia', '请选择。'],
      ['receivedOn', '不能晚于今天。'],
    ]);
    expect(posts(sent)).toHaveLength(0);

    fireEvent.click(screen.getByTestId('rights-kind-delete'));
    type('rights-guardian', '阿木拉则');
    type('rights-relation', '母亲');
    fireEvent.click(screen.getByTestId('rights-via-paper'));
    type('rights-received-on', '2026-11-29');
    type('rights-details', '孩子已转学，希望删除资料');
    fireEvent.click(screen.getByTestId('rights-submit'));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/guardian-request/index?id=req-new' }));
    expect(posts(sent)[0].data).toEqual({ kind: 'delete', guardianName: '阿木拉则', guardianRelation: '母亲', receivedVia: 'paper', receivedOn: '2026-11-29', details: '孩子已转学，希望删除资料' });
    expect(posts(sent)[0].header['Idempotency-Key']).toBeTruthy();
  });

  it('loads more requests when there are more', async () => {
    mockApi({
      [LIST]: (req) =>
        ok(
          req.query.cursor
            ? { student: student(), items: [guardianRequest({ id: 'req-old', kind: 'correct' })], nextCursor: null }
            : { student: student(), items: [guardianRequest()], nextCursor: 'next' },
        ),
    });
    render(<GuardianRequestsScreen studentId='stu-9' now={NOW} />);
    fireEvent.click(await screen.findByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('rights-item')).toHaveLength(2));
    expect(within(screen.getAllByTestId('rights-item')[1]).getByText(/更正资料/)).toBeInTheDocument();
    expect(screen.getByTestId('list-end')).toBeInTheDocument();
  });
});
