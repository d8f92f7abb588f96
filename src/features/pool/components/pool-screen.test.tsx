import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { signIn, sponsorMe } from '@/test/fixtures';
import { mockApi, offline, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import type { PoolFilters } from '../api';
import { poolStudent } from '../test-data';
import { PoolScreen } from './pool-screen';

const FILTERS: PoolFilters = {
  regions: [
    { province: '四川', cities: ['凉山', '成都'] },
    { province: '甘肃', cities: ['定西'] },
  ],
  schoolStages: ['middle', 'high'],
  needBands: [
    { maxYearlyNeedFen: 250000, count: 2 },
    { maxYearlyNeedFen: 300000, count: 5 },
  ],
};

const FORBIDDEN = {
  surname: '王',
  legalName: '王小雨',
  schoolName: '昭觉县民族中学',
  village: '三河村',
  idNumber: '513431200901011234',
  phone: '13800000001',
};

describe('PoolScreen', () => {
  beforeEach(() => signIn(sponsorMe));

  it('shows each waiting student with the sponsor-safe fields only, longest-waiting first as given', async () => {
    // An answer that (wrongly) carries more than it should: none of it is drawn.
    const leaky = { ...poolStudent('stu-1', { photoUrl: 'https://files.test/p.jpg' }), ...FORBIDDEN };
    const sent = mockApi({
      'GET /api/pool/filters': ok(FILTERS),
      'GET /api/pool': ok({ items: [leaky, poolStudent('stu-2', { displayName: '阿木', schoolStage: 'high', grade: 11, age: 17 })], nextCursor: null }),
    });
    render(<PoolScreen />);

    const cards = await screen.findAllByTestId('pool-card');
    expect(cards.map((card) => card.getAttribute('data-id'))).toEqual(['stu-1', 'stu-2']);
    const first = within(cards[0]);
    expect(first.getByTestId('pool-card-name')).toHaveTextContent('小雨');
    expect(first.getByTestId('pool-card-facts')).toHaveTextContent('14 岁 · 初中二年级 · 四川·凉山');
    expect(first.getByTestId('pool-card-story')).toHaveTextContent('喜欢画画');
    expect(first.getByTestId('pool-card-need')).toHaveTextContent('每年需要 ¥3,000');
    expect(first.getByTestId('pool-card-years')).toHaveTextContent('距毕业约 2 年');
    expect(first.getByTestId('pool-card-ngo')).toHaveTextContent('凉山助学会');
    expect(first.getByTestId('pool-card-photo')).toHaveAttribute('src', 'https://files.test/p.jpg');
    for (const value of Object.values(FORBIDDEN)) expect(screen.getByTestId('pool-screen')).not.toHaveTextContent(value);
    expect(within(cards[1]).queryByTestId('pool-card-photo')).not.toBeInTheDocument();

    expect(sent.find((r) => r.path === '/api/pool')?.query).toEqual({ limit: '10' });
  });

  it('builds the query from the filters, each tap at once, and clears them', async () => {
    const sent = mockApi({
      'GET /api/pool/filters': ok(FILTERS),
      'GET /api/pool': ok({ items: [poolStudent('stu-1')], nextCursor: null }),
    });
    render(<PoolScreen />);
    await screen.findByTestId('pool-card');
    const poolQueries = () => sent.filter((r) => r.path === '/api/pool').map((r) => r.query);

    expect(screen.getByTestId('pool-filter-summary')).toHaveTextContent('全部地区 · 全部学段 · 金额不限');
    fireEvent.click(screen.getByTestId('pool-filter-toggle'));
    // Only what some waiting student has is offered.
    expect(screen.queryByTestId('pool-stage-primary')).not.toBeInTheDocument();

    fireEvent.click(await screen.findByTestId('pool-province-四川'));
    await waitFor(() => expect(poolQueries().at(-1)).toEqual({ limit: '10', province: '四川' }));
    fireEvent.click(screen.getByTestId('pool-city-凉山'));
    await waitFor(() => expect(poolQueries().at(-1)).toEqual({ limit: '10', province: '四川', city: '凉山' }));
    fireEvent.click(screen.getByTestId('pool-stage-high'));
    fireEvent.click(screen.getByTestId('pool-need-300000'));
    await waitFor(() =>
      expect(poolQueries().at(-1)).toEqual({ limit: '10', province: '四川', city: '凉山', schoolStage: 'high', maxYearlyNeedFen: '300000' }),
    );
    expect(screen.getByTestId('pool-filter-summary')).toHaveTextContent('四川·凉山 · 高中 · 每年不超过 ¥3,000');

    // A different province forgets the city.
    fireEvent.click(screen.getByTestId('pool-province-甘肃'));
    await waitFor(() => expect(poolQueries().at(-1)).toEqual({ limit: '10', province: '甘肃', schoolStage: 'high', maxYearlyNeedFen: '300000' }));

    fireEvent.click(screen.getByTestId('pool-filter-clear'));
    await waitFor(() => expect(poolQueries().at(-1)).toEqual({ limit: '10' }));
    fireEvent.click(screen.getByTestId('pool-filter-done'));
    expect(screen.queryByTestId('pool-province-四川')).not.toBeInTheDocument();
  });

  it('offers only the need bands the server finds among the students waiting, asked again with each choice', async () => {
    const sent = mockApi({
      'GET /api/pool/filters': (req: SentRequest) =>
        ok(req.query.schoolStage === 'high' ? { ...FILTERS, needBands: [{ maxYearlyNeedFen: 400000, count: 1 }] } : FILTERS),
      'GET /api/pool': ok({ items: [poolStudent('stu-1')], nextCursor: null }),
    });
    render(<PoolScreen />);
    fireEvent.click(await screen.findByTestId('pool-filter-toggle'));
    expect(await screen.findByTestId('pool-need-250000')).toHaveTextContent('每年不超过 ¥2,500（2 人等待）');
    expect(screen.getByTestId('pool-need-300000')).toHaveTextContent('每年不超过 ¥3,000（5 人等待）');
    // No band of its own making: the old fixed ceilings are gone.
    expect(screen.queryByTestId('pool-need-200000')).not.toBeInTheDocument();

    fireEvent.click(screen.getByTestId('pool-need-300000'));
    fireEvent.click(screen.getByTestId('pool-stage-high'));
    await waitFor(() => expect(sent.filter((r) => r.path === '/api/pool/filters').at(-1)?.query).toEqual({ schoolStage: 'high', maxYearlyNeedFen: '300000' }));
    expect(await screen.findByTestId('pool-need-400000')).toHaveTextContent('¥4,000（1 人等待）');
    expect(screen.queryByTestId('pool-need-250000')).not.toBeInTheDocument();
    // The ceiling already chosen stays visible and selected, though no longer among the bands.
    expect(screen.getByTestId('pool-need-300000')).toHaveTextContent('每年不超过 ¥3,000');
    expect(screen.getByTestId('pool-need-300000')).toHaveAttribute('aria-checked', 'true');
  });

  it('loads more with the cursor and refreshes on pull-down', async () => {
    const sent = mockApi({
      'GET /api/pool/filters': ok(FILTERS),
      'GET /api/pool': (req: SentRequest) =>
        req.query.cursor ? ok({ items: [poolStudent('stu-2', { displayName: '阿木' })], nextCursor: null }) : ok({ items: [poolStudent('stu-1')], nextCursor: 'c2' }),
    });
    render(<PoolScreen />);
    await screen.findByText('小雨');
    fireEvent.click(screen.getByTestId('load-more'));
    await screen.findByText('阿木');
    expect(sent.filter((r) => r.path === '/api/pool')[1].query).toEqual({ limit: '10', cursor: 'c2' });
    expect(screen.getByTestId('list-end')).toBeInTheDocument();

    await Taro.fireTaroHook('pullDownRefresh');
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled());
  });

  it('opens a student, carrying the after-leaving choice along with a banner', async () => {
    mockApi({ 'GET /api/pool/filters': ok(FILTERS), 'GET /api/pool': ok({ items: [poolStudent('stu-1')], nextCursor: null }) });
    render(<PoolScreen afterLeaving='sp-9' />);
    expect(screen.getByTestId('pool-after-leaving')).toHaveTextContent('转给你选中的学生');
    fireEvent.click(await screen.findByRole('button', { name: '了解小雨' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/sponsor/pages/student/index?id=stu-1&carryFrom=sp-9' });
  });

  it('says so calmly when no one is waiting, or no one matches', async () => {
    mockApi({ 'GET /api/pool/filters': ok(FILTERS), 'GET /api/pool': ok({ items: [], nextCursor: null }) });
    render(<PoolScreen />);
    expect(await screen.findByTestId('pool-empty')).toHaveTextContent('现在没有等待资助的学生');
    fireEvent.click(screen.getByTestId('pool-filter-toggle'));
    fireEvent.click(await screen.findByTestId('pool-stage-high'));
    await waitFor(() => expect(screen.getByTestId('pool-empty')).toHaveTextContent('没有符合这些条件的学生'));
    fireEvent.click(screen.getByTestId('pool-empty-clear'));
    await waitFor(() => expect(screen.getByTestId('pool-empty')).toHaveTextContent('现在没有等待资助的学生'));
  });

  it('shows an error with a retry, and still works without the filter options', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({ 'GET /api/pool/filters': offline, 'GET /api/pool': offline });
    render(<PoolScreen />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Check your connection and try again.');
    mockApi({ 'GET /api/pool': ok({ items: [poolStudent('stu-1', { displayName: 'Xiaoyu' })], nextCursor: null }) });
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Xiaoyu')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('pool-filter-toggle'));
    expect(screen.queryByTestId('pool-province-all')).not.toBeInTheDocument();
    expect(screen.queryByTestId('pool-need-all')).not.toBeInTheDocument();
  });
});
