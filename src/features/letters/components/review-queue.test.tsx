import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { adminMe, signIn } from '@/test/fixtures';
import { mockApi, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { held, PHONE_BODY } from '../test-data';
import { ReviewLink } from './review-link';
import { ReviewQueue } from './review-queue';

const QUEUE = 'GET /api/staff/letters/held';

function cardOf(id: string) {
  return screen.getAllByTestId('held-letter').find((card) => card.getAttribute('data-id') === id) as HTMLElement;
}

describe('ReviewQueue', () => {
  beforeEach(() => signIn(adminMe));

  it('shows held letters oldest first with waiting time, names and each finding highlighted by its offsets', async () => {
    const body = '你好，加我微信 lin_2026 吧，我们周六在西昌见面。';
    const wx = body.indexOf('lin_2026');
    const meet = body.indexOf('周六在西昌见面');
    mockApi({
      [QUEUE]: ok({
        items: [
          held('h-1'),
          held('h-2', {
            body,
            waitingHours: 0,
            direction: 'to_sponsor',
            findings: [
              { category: 'social_id', start: wx, end: wx + 8, excerpt: 'lin_2026', message: '不能写微信号。' },
              { category: 'meeting', start: meet, end: meet + 7, excerpt: '周六在西昌见面', message: '不能约见面。' },
            ],
          }),
        ],
        nextCursor: null,
      }),
    });
    render(<ReviewQueue />);
    const cards = await screen.findAllByTestId('held-letter');
    expect(cards.map((c) => c.getAttribute('data-id'))).toEqual(['h-1', 'h-2']);

    const first = within(cards[0]);
    expect(first.getByTestId('held-waiting')).toHaveTextContent('已等待 26 小时');
    expect(within(cards[1]).getByTestId('held-waiting')).toHaveTextContent(/^已等待不到 1 小时$/);
    expect(first.getByTestId('held-student')).toHaveTextContent('学生：王小雨');
    expect(first.getByTestId('held-writer')).toHaveTextContent('写信人：林晓');
    expect(first.getByTestId('finding-phone')).toHaveTextContent(/^138 0013 8000$/);
    expect(first.getByTestId('held-body')).toHaveTextContent(PHONE_BODY);
    expect(first.getByTestId('letter-finding')).toHaveTextContent('信里不能写电话号码。');

    const second = within(cards[1]);
    expect(second.getByTestId('finding-social_id')).toHaveTextContent(/^lin_2026$/);
    expect(second.getByTestId('finding-meeting')).toHaveTextContent(/^周六在西昌见面$/);
    expect(second.getByText('学生写给资助人')).toBeInTheDocument();
  });

  it('asks before approving, does nothing when cancelled, and removes the letter once approved', async () => {
    const sent = mockApi({
      [QUEUE]: ok({ items: [held('h-1'), held('h-2')], nextCursor: null }),
      'POST /api/staff/letters/h-1/approve': ok({ id: 'h-1', status: 'delivered' }),
    });
    render(<ReviewQueue />);
    await screen.findAllByTestId('held-letter');

    Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'ok' }));
    fireEvent.click(within(cardOf('h-1')).getByTestId('held-approve'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '通过这封信？' }));
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);
    expect(screen.getAllByTestId('held-letter')).toHaveLength(2);

    fireEvent.click(within(cardOf('h-1')).getByTestId('held-approve'));
    await waitFor(() => expect(screen.getAllByTestId('held-letter')).toHaveLength(1));
    expect(sent.filter((s) => s.method === 'POST').map((s) => s.path)).toEqual(['/api/staff/letters/h-1/approve']);
    expect(screen.getByTestId('held-letter')).toHaveAttribute('data-id', 'h-2');
  });

  it('requires a reason to return a letter, confirms, sends the reason and removes it', async () => {
    const sent = mockApi({
      [QUEUE]: ok({ items: [held('h-1')], nextCursor: null }),
      'POST /api/staff/letters/h-1/return': ok({ id: 'h-1', status: 'returned' }),
    });
    render(<ReviewQueue />);
    fireEvent.click(await screen.findByTestId('held-return'));
    fireEvent.click(screen.getByTestId('return-confirm'));
    expect(await screen.findByTestId('held-error')).toHaveTextContent('请写下退回的原因。');
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('return-reason'), { target: { value: '  请删掉电话号码后再寄。 ' } });
    fireEvent.click(screen.getByTestId('return-confirm'));
    await waitFor(() => expect(screen.queryByTestId('held-letter')).not.toBeInTheDocument());
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '退回这封信？' }));
    const post = sent.find((s: SentRequest) => s.method === 'POST');
    expect(post?.path).toBe('/api/staff/letters/h-1/return');
    expect(post?.data).toEqual({ reason: '请删掉电话号码后再寄。' });
    expect(await screen.findByTestId('review-empty')).toBeInTheDocument();
  });

  it('previews the redacted text and approves with the findings’ spans', async () => {
    const letter = held('h-1');
    const sent = mockApi({
      [QUEUE]: ok({ items: [letter], nextCursor: null }),
      'POST /api/staff/letters/h-1/approve-redacted': ok({ id: 'h-1', status: 'delivered' }),
    });
    render(<ReviewQueue />);
    fireEvent.click(await screen.findByTestId('held-redact'));
    expect(screen.getByTestId('redaction-preview')).toHaveTextContent('你好！我的电话是 ■■■，有空打给我。');
    fireEvent.click(screen.getByTestId('redact-confirm'));
    await waitFor(() => expect(screen.queryByTestId('held-letter')).not.toBeInTheDocument());
    expect(sent.find((s) => s.method === 'POST')?.data).toEqual({
      redactions: [{ start: letter.findings[0].start, end: letter.findings[0].end }],
    });
  });

  it('says so when screening held a letter without marking a passage, and offers no redaction', async () => {
    mockApi({ [QUEUE]: ok({ items: [held('h-1', { findings: [] })], nextCursor: null }) });
    render(<ReviewQueue />);
    expect(await screen.findByTestId('held-no-findings')).toHaveTextContent('请通读全文');
    expect(screen.queryByTestId('held-redact')).not.toBeInTheDocument();
    expect(screen.getByTestId('held-approve')).toBeInTheDocument();
  });

  it('keeps the letter and says why when the decision fails', async () => {
    mockApi({
      [QUEUE]: ok({ items: [held('h-1')], nextCursor: null }),
      'POST /api/staff/letters/h-1/approve': { statusCode: 409, data: { error: { code: 'CONFLICT', message: '这封信已经处理过了。' } } },
    });
    render(<ReviewQueue />);
    fireEvent.click(await screen.findByTestId('held-approve'));
    expect(await screen.findByTestId('held-error')).toHaveTextContent('这封信已经处理过了。');
    expect(screen.getByTestId('held-letter')).toBeInTheDocument();
  });
});

describe('ReviewLink', () => {
  beforeEach(() => signIn(adminMe));

  it('counts the held letters and opens the queue', async () => {
    const sent = mockApi({ [QUEUE]: ok({ items: [held('h-1'), held('h-2')], nextCursor: null }) });
    render(<ReviewLink />);
    expect(await screen.findByText('审核书信（2）')).toBeInTheDocument();
    expect(sent[0].query.limit).toBe('50');
    fireEvent.click(screen.getByTestId('review-link'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/review/index' });
  });

  it('says "50+" when there are more than one page', async () => {
    mockApi({ [QUEUE]: ok({ items: Array.from({ length: 50 }, (_, i) => held(`h-${i}`)), nextCursor: 'more' }) });
    render(<ReviewLink />);
    expect(await screen.findByText('审核书信（50+）')).toBeInTheDocument();
  });
});
