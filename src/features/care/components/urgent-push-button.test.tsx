import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SubscriptionOptions } from '../../../../domain/api/care';
import { caseworkerMe, signIn } from '@/test/fixtures';
import { mockApi, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { UrgentPushButton } from './urgent-push-button';

const OPTIONS = 'GET /api/me/message-subscriptions';
const RECORD = 'POST /api/me/message-subscriptions';
const offered = (channel: SubscriptionOptions['channel'], remaining: number): SubscriptionOptions => ({
  channel,
  templates: channel ? [{ event: 'care_urgent', templateId: 'TPL-URGENT', remaining }] : [],
});
const records = (sent: SentRequest[]) => sent.filter((s) => s.method === 'POST');

describe('UrgentPushButton', () => {
  beforeEach(() => signIn(caseworkerMe));
  afterEach(() => {
    delete process.env.TARO_ENV;
  });

  it('asks WeChat for the urgent template inside the tap, records the answer and shows what is left', async () => {
    process.env.TARO_ENV = 'weapp';
    const sent = mockApi({ [OPTIONS]: ok(offered('wechat_subscribe', 0)), [RECORD]: ok(offered('wechat_subscribe', 1)) });
    Taro.requestSubscribeMessage.mockImplementation(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 'TPL-URGENT': 'accept' }));
    render(<UrgentPushButton />);
    const ask = await screen.findByTestId('urgent-push-ask');
    expect(ask).toHaveTextContent('微信提醒我紧急情况');
    expect(screen.queryByTestId('urgent-push-remaining')).not.toBeInTheDocument();

    fireEvent.click(ask);
    // Synchronously, inside the tap, as the platform requires.
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['TPL-URGENT'] }));
    await waitFor(() => expect(records(sent)).toHaveLength(1));
    expect(records(sent)[0].data).toEqual({ results: [{ templateId: 'TPL-URGENT', result: 'accept' }] });
    expect(await screen.findByTestId('urgent-push-remaining')).toHaveTextContent('还能收到 1 条紧急提醒');
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已开启提醒' }));

    // WeChat grants add up: the caseworker may ask again.
    fireEvent.click(screen.getByTestId('urgent-push-ask'));
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(records(sent)).toHaveLength(2));
    await act(async () => undefined);
  });

  it('reads Alipay’s answer, and records a refusal without a toast', async () => {
    process.env.TARO_ENV = 'alipay';
    const sent = mockApi({ [OPTIONS]: ok(offered('alipay_template', 0)), [RECORD]: ok(offered('alipay_template', 0)) });
    Taro.requestSubscribeMessage.mockImplementation(() => Promise.resolve({ result: { subscribedEntityIds: [], unsubscribedEntityIds: ['TPL-URGENT'] } }));
    render(<UrgentPushButton />);
    fireEvent.click(await screen.findByRole('button', { name: '支付宝提醒我紧急情况' }));
    await waitFor(() => expect(records(sent)).toHaveLength(1));
    expect(records(sent)[0].data).toEqual({ results: [{ templateId: 'TPL-URGENT', result: 'reject' }] });
    await act(async () => undefined);
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('shows nothing when the server has no urgent template for the caller, or on h5', async () => {
    process.env.TARO_ENV = 'weapp';
    const sent = mockApi({ [OPTIONS]: ok(offered(null, 0)) });
    const first = render(<UrgentPushButton />);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(screen.queryByTestId('urgent-push')).not.toBeInTheDocument();
    first.unmount();

    delete process.env.TARO_ENV;
    const none = mockApi({});
    render(<UrgentPushButton />);
    expect(screen.queryByTestId('urgent-push')).not.toBeInTheDocument();
    expect(none).toHaveLength(0);
  });
});
