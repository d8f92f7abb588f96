import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { HandoverPage } from '../../../../domain/api/care';
import { adminMe, signIn } from '@/test/fixtures';
import { failWith, mockApi, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { HandoversScreen } from './handovers-screen';

const handover: HandoverPage['items'][number] = {
  id: 'ho-1',
  fromNgo: { id: 'ngo-1', name: '凉山助学会' },
  toNgo: { id: 'ngo-2', name: '成都青苗' },
  status: 'pending',
  consent: { guardianName: '王芳', relation: '母亲', method: 'phone', consentedOn: '2026-12-02' },
  note: '全家搬到成都',
  requestedAt: '2026-12-02T06:00:00Z',
  decidedAt: null,
  decisionNote: null,
  student: { displayName: '小雨', grade: 12, schoolStage: 'high', city: '成都' },
};

const overview = {
  ngo: { id: 'ngo-2', name: '成都青苗', province: '四川', city: '成都' },
  counts: { students: 10, sponsored: 8, waiting: 2, overdue: 0, openAlerts: 0 },
  caseworkers: [{ id: 'staff-9', name: '何老师', studentCount: 5 }],
};

function routes(extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /api/staff/care/handovers': ok({ items: [handover], nextCursor: null }),
    'GET /api/staff/overview': ok(overview),
    ...extra,
  });
}
const posts = (sent: SentRequest[]) => sent.filter((s) => s.method === 'POST');

describe('HandoversScreen', () => {
  beforeEach(() => signIn(adminMe));

  it('lists pending handovers with the consent on record', async () => {
    const sent = routes();
    render(<HandoversScreen />);
    const shown = await screen.findByTestId('handover');
    expect(shown).toHaveTextContent('小雨 · 来自凉山助学会');
    expect(within(shown).getByTestId('handover-consent')).toHaveTextContent('监护人同意：王芳（母亲），电话，2026年12月2日');
    expect(sent.find((s) => s.path === '/api/staff/care/handovers')?.query.status).toBe('pending');
  });

  it('accepts with a chosen caseworker after confirming', async () => {
    const sent = routes({ 'POST /api/staff/care/handovers/ho-1/accept': { statusCode: 204 } });
    render(<HandoversScreen />);
    fireEvent.click(await screen.findByTestId('handover-accept'));
    fireEvent.click(screen.getByTestId('handover-confirm'));
    expect(screen.getByTestId('field-error')).toHaveTextContent('请选择一位社工。');
    fireEvent.click(await screen.findByTestId('handover-caseworker-staff-9'));
    fireEvent.click(screen.getByTestId('handover-confirm'));
    await waitFor(() => expect(screen.queryByTestId('handover')).not.toBeInTheDocument());
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '接收这位学生？', content: expect.stringContaining('何老师') }));
    expect(posts(sent)[0]).toMatchObject({ path: '/api/staff/care/handovers/ho-1/accept', data: { caseworkerId: 'staff-9' } });
    expect(await screen.findByTestId('handovers-empty')).toBeInTheDocument();
  });

  it('rejects only with a reason, and keeps the card when the server refuses', async () => {
    const sent = routes({ 'POST /api/staff/care/handovers/ho-1/reject': failWith(409, 'HANDOVER_DECIDED', '这项转交已经处理过了。') });
    render(<HandoversScreen />);
    fireEvent.click(await screen.findByTestId('handover-reject'));
    fireEvent.click(screen.getByTestId('handover-confirm'));
    expect(screen.getByTestId('field-error')).toHaveTextContent('请填写这一项。');
    fireEvent.change(screen.getByTestId('handover-reason'), { target: { value: '  我们在成都没有社工名额 ' } });
    fireEvent.click(screen.getByTestId('handover-confirm'));
    expect(await screen.findByTestId('handover-error')).toHaveTextContent('这项转交已经处理过了。');
    expect(posts(sent)[0].data).toEqual({ reason: '我们在成都没有社工名额' });
    expect(screen.getByTestId('handover')).toBeInTheDocument();
  });
});
