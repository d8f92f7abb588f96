import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { signIn, sponsorMe } from '@/test/fixtures';
import { mockApi, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { ledgerFixture } from '@/features/ledger/test-data';
import { sponsorshipDetailFixture } from '../test-data';
import { PledgeSuccess } from './pledge-success';

describe('PledgeSuccess', () => {
  beforeEach(() => {
    signIn(sponsorMe);
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    delete process.env.TARO_ENV;
  });

  it('asks for message subscriptions on "Done", then goes home once the dialog is answered', async () => {
    const sent = mockApi({
      'GET /api/me/message-subscriptions': ok({ channel: 'wechat_subscribe', templates: [{ event: 'student_checking_in', templateId: 'tpl-care', remaining: 0 }] }),
      'POST /api/me/message-subscriptions': ok({ channel: 'wechat_subscribe', templates: [] }),
      'GET /api/sponsor/sponsorships/sp-new/ledger': ok(ledgerFixture({ sponsorshipId: 'sp-new' })),
    });
    const subscriptions = () => sent.filter((s) => s.path.includes('message-subscriptions'));
    let answer: (value: Record<string, unknown>) => void = () => undefined;
    Taro.requestSubscribeMessage.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    render(<PledgeSuccess sponsorship={sponsorshipDetailFixture()} />);
    await waitFor(() => expect(subscriptions()).toHaveLength(1));

    fireEvent.click(screen.getByTestId('pledge-go-home'));
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tpl-care'] }));
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    answer({ errMsg: 'requestSubscribeMessage:ok', 'tpl-care': 'accept' });
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/home/index' }));
    await waitFor(() => expect(subscriptions().filter((s) => s.method === 'POST')).toHaveLength(1));
  });

  it('shows how to pay the NGO: account, memo reference and contact', async () => {
    mockApi({
      'GET /api/me/message-subscriptions': ok({ channel: 'wechat_subscribe', templates: [] }),
      'GET /api/sponsor/sponsorships/sp-new/ledger': ok(ledgerFixture({ sponsorshipId: 'sp-new' })),
    });
    render(<PledgeSuccess sponsorship={sponsorshipDetailFixture()} />);
    expect(await screen.findByTestId('pay-to-account-number')).toHaveTextContent('6228 4801 2345 6789 012');
    expect(screen.getByTestId('pay-to-reference')).toHaveTextContent('BX-0K3F9QZ');
    expect(screen.getByTestId('pay-to-contact')).toHaveTextContent('阿西老师');
    expect(screen.getByTestId('pledge-success')).toHaveTextContent('第一笔款请按下面');
  });
});
