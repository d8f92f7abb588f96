import { render, screen } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { signIn, sponsorMe } from '@/test/fixtures';
import { mockApi, ok } from '@/test/http';
import { detailFixture } from '../test-data';
import { SponsorshipScreen } from './sponsorship-screen';

const DETAIL = 'GET /api/sponsor/sponsorships/sp-1';
const TIMELINE = 'GET /api/sponsor/sponsorships/sp-1/timeline';

async function showWith(care: ReturnType<typeof detailFixture>['care']) {
  mockApi({ [DETAIL]: ok(detailFixture({ care })), [TIMELINE]: ok({ items: [], nextCursor: null }) });
  render(<SponsorshipScreen id='sp-1' />);
  await screen.findByTestId('sponsorship-name');
}

describe('the sponsor’s care status line', () => {
  beforeEach(() => signIn(sponsorMe));

  it('says nothing while the student is in touch', async () => {
    await showWith({ state: 'in_touch', since: null, change: null });
    expect(screen.queryByTestId('sponsorship-care')).not.toBeInTheDocument();
  });

  it('says calmly that the partner is checking in, and that this is common', async () => {
    await showWith({ state: 'checking_in', since: null, change: null });
    expect(screen.getByTestId('sponsorship-care')).toHaveTextContent('凉山助学会正在联系小雨——这很常见，尤其是在考试前后。');
  });

  it('says the student is back in touch, with what kind of change, in the sponsor’s language', async () => {
    useLocaleStore.getState().setLocale('en-US');
    await showWith({ state: 'back_in_touch', since: '2026-11-20T02:00:00Z', change: 'vocational_track' });
    expect(screen.getByTestId('sponsorship-care')).toHaveTextContent('小雨 is back in touch with 凉山助学会, now at a vocational school.');
  });

  it('says only that when nothing changed', async () => {
    await showWith({ state: 'back_in_touch', since: '2026-11-20T02:00:00Z', change: null });
    expect(screen.getByTestId('sponsorship-care')).toHaveTextContent(/^小雨已经和凉山助学会恢复联系。$/);
  });
});
