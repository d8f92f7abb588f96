import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { kickOutbox, outbox } from '@/lib/outbox';
import { signIn, studentMe } from '@/test/fixtures';
import { mockApi, offline, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { CheckinPanel } from './checkin-panel';

const ROUTE = 'POST /api/student/checkins';
const created = { id: 'c-1', createdAt: '2026-11-29T04:00:00Z', nextCheckinWelcomeAt: '2026-12-29T04:00:00Z' };

describe('CheckinPanel', () => {
  beforeEach(() => signIn(studentMe));

  it('offers three large one-tap choices and explains the caseworker one kindly', () => {
    render(<CheckinPanel />);
    expect(screen.getByTestId('checkin-doing_well')).toHaveTextContent('我很好');
    expect(screen.getByTestId('checkin-busy_exams')).toHaveTextContent('在忙考试');
    expect(screen.getByTestId('checkin-talk_to_caseworker')).toHaveTextContent('想和社工聊聊');
    expect(screen.getByTestId('checkin-talk-explain')).toHaveTextContent('资助人永远看不到');
    // Mood and note are tucked away until asked for.
    expect(screen.queryByTestId('checkin-note')).not.toBeInTheDocument();
  });

  it('saves a tap offline at once, thanks warmly, and sends it when the network is back', async () => {
    const sent = mockApi({ [ROUTE]: offline });
    const onSent = jest.fn();
    render(<CheckinPanel onSent={onSent} />);
    fireEvent.click(screen.getByTestId('checkin-busy_exams'));

    // Shown before any answer could come.
    const confirmation = screen.getByTestId('checkin-confirmation');
    expect(confirmation).toHaveAttribute('data-state', 'waiting');
    expect(confirmation).toHaveTextContent('已保存，连上网络后会自动发送。');
    expect(outbox.getSnapshot().items).toEqual([expect.objectContaining({ kind: 'checkin', body: { kind: 'busy_exams' } })]);
    await waitFor(() => expect(sent).toHaveLength(1));

    mockApi({ [ROUTE]: { statusCode: 201, data: created } });
    outbox.wakeAll();
    await act(() => kickOutbox());
    expect(screen.getByTestId('checkin-confirmation')).toHaveAttribute('data-state', 'sent');
    expect(screen.getByTestId('checkin-confirmation')).toHaveTextContent('收到了，谢谢你告诉我们！');
    expect(onSent).toHaveBeenCalledWith(created);
    expect(outbox.getSnapshot().items).toHaveLength(0);
  });

  it('names every mood in words, visibly and to screen readers, with no emoji', () => {
    render(<CheckinPanel />);
    fireEvent.click(screen.getByTestId('checkin-more'));
    const moods = screen.getByRole('radiogroup', { name: '今天的心情' });
    const choices = screen.getAllByRole('radio');
    expect(choices.map((choice) => choice.textContent)).toEqual(['很难过', '有点低落', '一般', '不错', '很开心']);
    expect(screen.getByRole('radio', { name: '有点低落' })).toBe(screen.getByTestId('checkin-mood-2'));
    expect(moods.textContent).not.toMatch(/\p{Extended_Pictographic}/u);

    act(() => useLocaleStore.getState().setLocale('en-US'));
    expect(screen.getAllByRole('radio').map((choice) => choice.textContent)).toEqual(['Very sad', 'A bit low', 'Okay', 'Good', 'Very happy']);
  });

  it('sends the optional mood and note, the note at most 200 characters', async () => {
    useLocaleStore.getState().setLocale('en-US');
    const sent = mockApi({ [ROUTE]: { statusCode: 201, data: created } });
    render(<CheckinPanel />);
    fireEvent.click(screen.getByTestId('checkin-more'));
    fireEvent.click(screen.getByTestId('checkin-mood-4'));
    expect(screen.getByTestId('checkin-mood-4')).toHaveAttribute('aria-checked', 'true');
    fireEvent.change(screen.getByTestId('checkin-note'), { target: { value: `  ${'a'.repeat(250)}` } });
    fireEvent.click(screen.getByTestId('checkin-talk_to_caseworker'));
    await waitFor(() => expect(sent).toHaveLength(1));
    const body = sent[0].data as { kind: string; mood: number; note: string };
    expect(body.kind).toBe('talk_to_caseworker');
    expect(body.mood).toBe(4);
    expect(body.note.length).toBeLessThanOrEqual(200);
    expect(sent[0].header['Idempotency-Key']).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('checkin-confirmation')).toHaveAttribute('data-state', 'sent'));
    expect(screen.getByTestId('checkin-confirmation')).toHaveTextContent('Your caseworker will get in touch soon.');
  });

  it('says what went wrong when the server refuses a check-in', async () => {
    mockApi({ [ROUTE]: { statusCode: 400, data: { error: { code: 'VALIDATION_FAILED', message: '心情只能选 1 到 5。' } } } });
    render(<CheckinPanel />);
    fireEvent.click(screen.getByTestId('checkin-doing_well'));
    await waitFor(() => expect(screen.getByTestId('checkin-confirmation')).toHaveAttribute('data-state', 'failed'));
    expect(screen.getByTestId('checkin-confirmation')).toHaveTextContent('心情只能选 1 到 5。');
  });

  it('says kindly when the outbox is full', () => {
    for (let i = 0; i < 50; i += 1) outbox.enqueue({ kind: 'checkin', path: '/x', body: {}, label: 'x' });
    mockApi({ [ROUTE]: offline });
    render(<CheckinPanel />);
    fireEvent.click(screen.getByTestId('checkin-doing_well'));
    expect(screen.getByTestId('checkin-confirmation')).toHaveTextContent('等待发送的内容太多了');
  });

  it('asks for message subscriptions inside the check-in tap (mini-program only)', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      const sent = mockApi({
        'GET /api/me/message-subscriptions': ok({ channel: 'wechat_subscribe', templates: [{ event: 'checkin_reminder', templateId: 'tpl-remind', remaining: 0 }] }),
        [ROUTE]: { statusCode: 201, data: created },
      });
      render(<CheckinPanel />);
      await waitFor(() => expect(sent).toHaveLength(1));
      fireEvent.click(screen.getByTestId('checkin-doing_well'));
      expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tpl-remind'] }));
      expect(screen.getByTestId('checkin-confirmation')).toBeInTheDocument();
    } finally {
      delete process.env.TARO_ENV;
    }
  });

  it('shows a student whose note tells of danger how to reach a person, right after the tap, and nothing for an ordinary note', () => {
    mockApi({ [ROUTE]: offline });
    const { unmount } = render(<CheckinPanel />);
    fireEvent.click(screen.getByTestId('checkin-more'));
    fireEvent.change(screen.getByTestId('checkin-note'), { target: { value: '今天考试考砸了，累死了。' } });
    fireEvent.click(screen.getByTestId('checkin-doing_well'));
    expect(screen.queryByTestId('support-card')).not.toBeInTheDocument();
    unmount();

    render(<CheckinPanel />);
    fireEvent.click(screen.getByTestId('checkin-more'));
    fireEvent.change(screen.getByTestId('checkin-note'), { target: { value: '我不想活了' } });
    fireEvent.click(screen.getByTestId('checkin-doing_well'));
    expect(screen.getByTestId('support-card')).toHaveAttribute('data-level', 'urgent');
  });
});
