import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SubscriptionOptions } from '../../../domain/api/care';
import { signIn, sponsorMe } from '@/test/fixtures';
import { mockApi, offline, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { readAnswer, templatesToAsk } from './request';
import { useSubscriptionPrompt } from './use-subscription-prompt';

const OPTIONS = 'GET /api/me/message-subscriptions';
const RECORD = 'POST /api/me/message-subscriptions';
const wechat = (templates: SubscriptionOptions['templates']): SubscriptionOptions => ({ channel: 'wechat_subscribe', templates });
const records = (sent: SentRequest[]) => sent.filter((s) => s.method === 'POST');

/** A tap that asks, then does its own work once any dialog is answered. */
function Harness({ onDone }: { onDone: () => void }) {
  const ask = useSubscriptionPrompt();
  return (
    <button
      type='button'
      data-testid='tap'
      onClick={() => {
        const asking = ask();
        if (asking) void asking.then(onDone);
        else onDone();
      }}
    />
  );
}

describe('useSubscriptionPrompt', () => {
  beforeEach(() => {
    signIn(sponsorMe);
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    delete process.env.TARO_ENV;
  });

  it('asks inside the tap for the templates not yet granted and records the answers', async () => {
    const sent = mockApi({
      [OPTIONS]: ok(
        wechat([
          { event: 'student_checking_in', templateId: 'tpl-care', remaining: 0 },
          { event: 'student_back_in_touch', templateId: 'tpl-back', remaining: 0 },
          { event: 'letter_delivered', templateId: 'tpl-letter', remaining: 2 },
        ]),
      ),
      [RECORD]: ok(wechat([])),
    });
    Taro.requestSubscribeMessage.mockImplementation(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 'tpl-care': 'accept', 'tpl-back': 'reject' }));
    const onDone = jest.fn();
    render(<Harness onDone={onDone} />);
    await waitFor(() => expect(sent).toHaveLength(1));

    fireEvent.click(screen.getByTestId('tap'));
    // Synchronously, inside the tap, as the platform requires.
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tpl-care', 'tpl-back'] }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    await waitFor(() => expect(records(sent)).toHaveLength(1));
    expect(records(sent)[0].data).toEqual({
      results: [
        { templateId: 'tpl-care', result: 'accept' },
        { templateId: 'tpl-back', result: 'reject' },
      ],
    });
  });

  it('is silent when the dialog is refused or the options cannot be loaded', async () => {
    const sent = mockApi({ [OPTIONS]: ok(wechat([{ event: 'student_checking_in', templateId: 'tpl-care', remaining: 0 }])) });
    Taro.requestSubscribeMessage.mockImplementation(() => Promise.reject({ errMsg: 'requestSubscribeMessage:fail cancel' }));
    const onDone = jest.fn();
    const first = render(<Harness onDone={onDone} />);
    await waitFor(() => expect(sent).toHaveLength(1));
    fireEvent.click(screen.getByTestId('tap'));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(records(sent)).toHaveLength(0);
    first.unmount();

    mockApi({ [OPTIONS]: offline });
    render(<Harness onDone={onDone} />);
    fireEvent.click(screen.getByTestId('tap'));
    expect(onDone).toHaveBeenCalledTimes(2);
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledTimes(1);
  });

  it('asks nothing on h5', () => {
    delete process.env.TARO_ENV;
    const sent = mockApi({});
    const onDone = jest.fn();
    render(<Harness onDone={onDone} />);
    fireEvent.click(screen.getByTestId('tap'));
    expect(onDone).toHaveBeenCalled();
    expect(sent).toHaveLength(0);
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('leaves out what was granted and what has no channel, at most three at a time', () => {
    const many = [0, 0, 0, 0].map((remaining, i) => ({ event: 'letter_delivered' as const, templateId: `t${i}`, remaining }));
    expect(templatesToAsk(wechat(many))).toEqual(['t0', 't1', 't2']);
    expect(templatesToAsk(wechat([{ event: 'letter_delivered', templateId: 't', remaining: 1 }]))).toEqual([]);
    expect(templatesToAsk({ channel: null, templates: [] })).toEqual([]);
  });

  it('reads both platforms’ answers', () => {
    expect(readAnswer('wechat_subscribe', ['a', 'b', 'c'], { a: 'accept', b: 'ban', c: 'nonsense' })).toEqual([
      { templateId: 'a', result: 'accept' },
      { templateId: 'b', result: 'ban' },
    ]);
    expect(readAnswer('alipay_template', ['a', 'b', 'c'], { result: { subscribedEntityIds: ['a'], unsubscribedEntityIds: ['b'] } })).toEqual([
      { templateId: 'a', result: 'accept' },
      { templateId: 'b', result: 'reject' },
    ]);
  });
});
