import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { signIn, sponsorMe, studentMe } from '@/test/fixtures';
import { mockApi, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { detail, PHONE_BODY, PHONE_END, PHONE_START } from '../test-data';
import { LetterView } from './letter-view';

const phoneFinding = { category: 'phone' as const, start: PHONE_START, end: PHONE_END, excerpt: '138 0013 8000', message: '为了安全，信里不能写电话号码。' };

const events = [
  { status: 'submitted' as const, at: '2026-11-27T02:00:00Z', by: 'you' as const, reason: null },
  { status: 'screened' as const, at: '2026-11-27T02:00:01Z', by: 'system' as const, reason: null },
  { status: 'held' as const, at: '2026-11-27T02:00:01Z', by: 'system' as const, reason: null },
];

describe('LetterView', () => {
  it('shows its writer a held letter with the findings highlighted and every step with its time', async () => {
    signIn(sponsorMe);
    const sent = mockApi({
      'GET /api/letters/l-1': ok(detail('l-1', { status: 'held', body: PHONE_BODY, findings: [phoneFinding], events })),
    });
    render(<LetterView id='l-1' role='sponsor' />);

    expect(await screen.findByTestId('letter-held')).toHaveTextContent('这封信正在等社工审核');
    expect(screen.getByTestId('letter-detail-status')).toHaveTextContent('等待审核');
    expect(screen.getByTestId('finding-phone')).toHaveTextContent(/^138 0013 8000$/);
    expect(screen.getByTestId('letter-body')).toHaveTextContent(PHONE_BODY);
    const finding = screen.getByTestId('letter-finding');
    expect(finding).toHaveTextContent('电话号码');
    expect(finding).toHaveTextContent('为了安全，信里不能写电话号码。');

    const steps = screen.getAllByTestId('letter-event');
    expect(steps.map((s) => s.getAttribute('data-status'))).toEqual(['submitted', 'screened', 'held']);
    // 02:00 UTC is 10:00 in Shanghai.
    expect(steps[0]).toHaveTextContent('寄出你 · 2026年11月27日 10:00');
    expect(steps[2]).toHaveTextContent('转给社工审核伴学 · 2026年11月27日 10:00');
    expect(screen.queryByTestId('letter-edit')).not.toBeInTheDocument();
    // The writer never marks their own letter read.
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);
  });

  it('shows a returned letter with the reason and findings, and leads to editing it', async () => {
    signIn(sponsorMe);
    mockApi({
      'GET /api/letters/l-2': ok(
        detail('l-2', {
          status: 'returned',
          body: PHONE_BODY,
          findings: [phoneFinding],
          returnReason: '请删掉电话号码后再寄。',
          canEdit: true,
          events: [...events, { status: 'returned', at: '2026-11-27T06:30:00Z', by: 'staff', reason: '请删掉电话号码后再寄。' }],
        }),
      ),
    });
    render(<LetterView id='l-2' role='sponsor' />);
    expect(await screen.findByTestId('letter-return-reason')).toHaveTextContent('原因：请删掉电话号码后再寄。');
    expect(screen.getByTestId('letter-detail-status')).toHaveTextContent('已退回，需要你修改');
    expect(screen.getByTestId('finding-phone')).toBeInTheDocument();
    expect(screen.getAllByTestId('letter-event')[3]).toHaveTextContent('退回修改社工 · 2026年11月27日 14:30请删掉电话号码后再寄。');

    fireEvent.click(screen.getByTestId('letter-edit'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/compose/index?resubmit=l-2' });
  });

  it('shows the reader redacted passages as ■■■, marks the letter read once, and offers a reply', async () => {
    signIn(studentMe);
    const delivered = detail('l-3', {
      mine: false,
      direction: 'to_student',
      counterpartName: '林晓',
      status: 'delivered',
      body: '我的电话是■■■，祝你考试顺利！',
      canReply: true,
      photos: [
        { id: 'ph-1', url: '/api/files/token-1', width: 4, height: 3 },
        { id: 'ph-2', url: '/api/files/token-2', width: 4, height: 3 },
      ],
      events: [{ status: 'delivered', at: '2026-11-27T06:30:00Z', by: 'system', reason: null }],
    });
    const sent = mockApi({
      'GET /api/letters/l-3': ok(delivered),
      'POST /api/letters/l-3/read': ok({
        ...delivered,
        status: 'read',
        events: [...delivered.events, { status: 'read', at: '2026-11-28T01:00:00Z', by: 'you', reason: null }],
      }),
    });
    render(<LetterView id='l-3' role='student' />);

    expect(await screen.findByTestId('redaction-mark')).toHaveTextContent('■■■');
    expect(screen.getByTestId('letter-title')).toHaveTextContent('来自林晓');
    expect(screen.queryByTestId('letter-findings')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('letter-detail-status')).toHaveTextContent('已读'));
    expect(screen.getAllByTestId('letter-event').map((e) => e.getAttribute('data-status'))).toEqual(['delivered', 'read']);

    // Coming back to the page reloads it but does not mark it read again.
    await Taro.fireTaroHook('didShow');
    await Taro.fireTaroHook('didShow');
    await waitFor(() => expect(sent.filter((s) => s.path === '/api/letters/l-3').length).toBeGreaterThanOrEqual(2));
    expect(sent.filter((s) => s.method === 'POST' && s.path === '/api/letters/l-3/read')).toHaveLength(1);

    fireEvent.click(within(screen.getByTestId('letter-photos')).getAllByTestId('letter-photo')[1]);
    // Signed paths from the server are opened on the API's origin (mini-programs have no origin of their own).
    expect(Taro.previewImage).toHaveBeenCalledWith({
      current: 'http://api.test/api/files/token-2',
      urls: ['http://api.test/api/files/token-1', 'http://api.test/api/files/token-2'],
    });

    fireEvent.click(screen.getByRole('button', { name: '给林晓回信' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/student/pages/compose/index?replyTo=l-3' });
  });

  it('does not mark an already read letter again', async () => {
    signIn(studentMe);
    const sent = mockApi({ 'GET /api/letters/l-4': ok(detail('l-4', { mine: false, status: 'read' })) });
    render(<LetterView id='l-4' role='student' />);
    await screen.findByTestId('letter-body');
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);
  });

  it('lets the writer withdraw a held letter after confirming, and does nothing when they change their mind', async () => {
    signIn(sponsorMe);
    const sent = mockApi({
      'GET /api/letters/l-3': ok(detail('l-3', { status: 'held', body: PHONE_BODY, findings: [phoneFinding], events, canEdit: true, canWithdraw: true })),
      'POST /api/letters/l-3/withdraw': ok(detail('l-3', { status: 'withdrawn', body: PHONE_BODY, events: [...events, { status: 'withdrawn', at: '2026-11-27T03:00:00Z', by: 'you', reason: null }] })),
    });
    render(<LetterView id='l-3' role='sponsor' />);
    expect(await screen.findByTestId('letter-held')).toHaveTextContent('你也可以修改后重新寄出，或者撤回它。');
    expect(screen.getByTestId('letter-edit')).toBeInTheDocument();

    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(screen.getByTestId('letter-withdraw'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '撤回这封信？', confirmText: '撤回', cancelText: '取消' }));
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('letter-withdraw'));
    expect(await screen.findByTestId('letter-withdrawn')).toHaveTextContent('你撤回了这封信，它不会被送出。');
    const posts = sent.filter((s) => s.method === 'POST');
    expect(posts.map((p) => p.path)).toEqual(['/api/letters/l-3/withdraw']);
    expect(posts[0].header['Idempotency-Key']).toBeTruthy();
    expect(screen.getByTestId('letter-detail-status')).toHaveTextContent('已撤回');
    expect(screen.queryByTestId('letter-withdraw')).not.toBeInTheDocument();
  });

  it('shows a student whose letter their caseworker reads first a gentle note and how to reach a person, not findings to remove', async () => {
    signIn(studentMe);
    mockApi({ 'GET /api/letters/l-4': ok(detail('l-4', { status: 'held', direction: 'to_sponsor', body: '我不想活了', careHold: true, canEdit: true, canWithdraw: true, events })) });
    render(<LetterView id='l-4' role='student' />);
    expect(await screen.findByTestId('letter-care')).toHaveTextContent('社工会先读一读这封信');
    expect(screen.getByTestId('support-card')).toHaveAttribute('data-level', 'urgent');
    expect(screen.queryByTestId('letter-held')).not.toBeInTheDocument();
    expect(screen.queryByTestId('letter-findings')).not.toBeInTheDocument();
  });
});
