import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { signIn, sponsorMe } from '@/test/fixtures';
import { failWith, mockApi, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';

/** What the n-th confirmation dialog asked. */
const modalArgs = (n: number) => (Taro.showModal.mock.calls as unknown as Array<[{ title: string; content: string }]>)[n][0];
import { detailFixture } from '../test-data';
import { SponsorshipScreen } from './sponsorship-screen';

const DETAIL = 'GET /api/sponsor/sponsorships/sp-1';
const AFTER = 'POST /api/sponsor/sponsorships/sp-1/after-leaving';
const left = { returnExpected: true, remainingFen: 540000 };

function setup(after: Parameters<typeof mockApi>[0][string] = ok(detailFixture({ status: 'ended' }))) {
  let round = 0;
  const sent = mockApi({
    [DETAIL]: () => {
      round += 1;
      return ok(detailFixture(round === 1 ? { studentLeft: left } : { status: 'ended' }));
    },
    'GET /api/sponsor/sponsorships/sp-1/timeline': ok({ items: [], nextCursor: null }),
    [AFTER]: after,
  });
  render(<SponsorshipScreen id='sp-1' />);
  return sent;
}

describe('StudentLeftBanner', () => {
  beforeEach(() => signIn(sponsorMe));

  it('offers the three choices and a goodbye letter, with the pledge still unused', async () => {
    setup();
    const banner = await screen.findByTestId('student-left');
    expect(banner).toHaveTextContent('小雨已离开资助项目');
    expect(banner).toHaveTextContent('合作机构认为小雨有可能回来。');
    expect(screen.getByTestId('student-left-remaining')).toHaveTextContent('尚未使用的资助：¥5,400');

    fireEvent.click(screen.getByTestId('student-left-another'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/sponsor/pages/pool/index?carryFrom=sp-1' });
    fireEvent.click(screen.getByTestId('student-left-goodbye'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/sponsor/pages/compose/index?sponsorshipId=sp-1&name=${encodeURIComponent('小雨')}`,
    });
  });

  it('ends only after a confirmation that says it cannot be undone, then offers a goodbye letter', async () => {
    const sent = setup();
    await screen.findByTestId('student-left');

    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(screen.getByTestId('student-left-end'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(modalArgs(0)).toMatchObject({ title: '结束这份资助？', content: expect.stringContaining('无法撤销') });
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('student-left-end'));
    expect(await screen.findByTestId('student-left-done')).toHaveTextContent('这份资助已经结束');
    const posts = sent.filter((s) => s.method === 'POST');
    expect(posts.map((p) => p.data)).toEqual([{ choice: 'end' }]);
    // The page loaded the sponsorship again; the goodbye letter is still offered.
    await waitFor(() => expect(screen.getByTestId('sponsorship-status')).toHaveAttribute('data-value', 'ended'));
    expect(screen.getByTestId('student-left-goodbye')).toBeInTheDocument();
  });

  it('waits after confirming, and says why when saving fails', async () => {
    const sent = setup(failWith(409, 'CONFLICT', '这份资助已经有了决定。'));
    await screen.findByTestId('student-left');
    fireEvent.click(screen.getByTestId('student-left-wait'));
    expect(await screen.findByRole('alert')).toHaveTextContent('这份资助已经有了决定。');
    expect(modalArgs(0)).toMatchObject({ title: '等待学生回来？' });
    expect(sent.filter((s) => s.method === 'POST').map((p) => p.data)).toEqual([{ choice: 'wait' }]);
    expect(screen.getByTestId('student-left-wait')).toBeInTheDocument();
  });
});
