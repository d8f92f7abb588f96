import { fireEvent, render, screen } from '@testing-library/react';
import { signIn, studentMe } from '@/test/fixtures';
import { mockApi, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { summary } from '../test-data';
import { StudentLetterLinks } from './student-letter-links';

describe('StudentLetterLinks', () => {
  beforeEach(() => signIn(studentMe));

  it('counts the new letters and lets the student write first, to the sponsorship from their profile', async () => {
    mockApi({
      'GET /api/letters': ok({
        items: [
          summary('l-1', { mine: false, status: 'delivered', sponsorshipId: 'sp-7', counterpartName: '林晓' }),
          summary('l-2', { mine: false, status: 'read', sponsorshipId: 'sp-7', counterpartName: '林晓' }),
          summary('l-3', { mine: true, status: 'delivered', sponsorshipId: 'sp-7', counterpartName: '林晓' }),
        ],
        nextCursor: null,
      }),
    });
    render(<StudentLetterLinks sponsorName='林晓' sponsorshipId='sp-7' />);
    expect(await screen.findByText('资助人的来信（1 封新信）')).toBeInTheDocument();
    expect(screen.getByTestId('student-letters')).toHaveTextContent('写信从来不是必须的');
    fireEvent.click(screen.getByTestId('student-letters-write'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/student/pages/compose/index?sponsorshipId=sp-7&name=${encodeURIComponent('林晓')}`,
    });
    fireEvent.click(screen.getByTestId('student-letters-open'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/student/pages/letters/index?sponsorshipId=sp-7' });
  });

  it('offers writing before any letter has arrived', async () => {
    mockApi({ 'GET /api/letters': ok({ items: [], nextCursor: null }) });
    render(<StudentLetterLinks sponsorName='林晓' sponsorshipId='sp-9' />);
    fireEvent.click(await screen.findByTestId('student-letters-write'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/student/pages/compose/index?sponsorshipId=sp-9&name=${encodeURIComponent('林晓')}`,
    });
  });

  it('says kindly that letters come once there is a sponsor, and asks the server nothing', () => {
    const sent = mockApi({});
    render(<StudentLetterLinks sponsorName={null} sponsorshipId={null} />);
    expect(screen.getByTestId('student-letters-no-sponsor')).toHaveTextContent('有了资助人以后');
    expect(screen.queryByTestId('student-letters-write')).not.toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });
});
