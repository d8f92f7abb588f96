import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { signIn, sponsorMe } from '@/test/fixtures';
import { mockApi, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
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
    });
    let answer: (value: Record<string, unknown>) => void = () => undefined;
    Taro.requestSubscribeMessage.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    render(<PledgeSuccess sponsorship={sponsorshipDetailFixture()} />);
    await waitFor(() => expect(sent).toHaveLength(1));

    fireEvent.click(screen.getByTestId('pledge-go-home'));
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tpl-care'] }));
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    answer({ errMsg: 'requestSubscribeMessage:ok', 'tpl-care': 'accept' });
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/home/index' }));
    await waitFor(() => expect(sent.filter((s) => s.method === 'POST')).toHaveLength(1));
  });
});
