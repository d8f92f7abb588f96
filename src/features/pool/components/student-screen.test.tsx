import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { credibilityFixture } from '@/features/credibility/test-data';
import { signIn, sponsorMe } from '@/test/fixtures';
import { mockApi, offline, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { poolStudent } from '../test-data';
import { StudentScreen } from './student-screen';

describe('StudentScreen', () => {
  beforeEach(() => signIn(sponsorMe));

  it('shows a waiting student in full, the NGO record and policy, and the sponsor action', async () => {
    mockApi({
      'GET /api/pool/stu-1': ok({
        availability: 'waiting',
        student: poolStudent('stu-1', { story: '一个很长的故事。'.repeat(10) }),
        credibility: credibilityFixture(),
        disbursementPolicy: '学费直接付给学校。',
      }),
    });
    const renderAction = jest.fn(() => <button type='button'>sponsor</button>);
    render(<StudentScreen id='stu-1' renderAction={renderAction} />);
    const card = await screen.findByTestId('pool-student-card');
    expect(within(card).getByTestId('pool-card-story').className).not.toContain('clamped');
    expect(screen.getByTestId('credibility-panel')).toBeInTheDocument();
    expect(screen.getByTestId('pool-student-policy')).toHaveTextContent('学费直接付给学校。');
    expect(renderAction).toHaveBeenCalledWith(expect.objectContaining({ id: 'stu-1' }), expect.anything());
  });

  it('a taken student (a stale link): a kind message and three similar students linking to their pages', async () => {
    const similar = [poolStudent('stu-7', { displayName: '阿木' }), poolStudent('stu-8', { displayName: '春花' }), poolStudent('stu-9', { displayName: '小林' })];
    mockApi({ 'GET /api/pool/stu-1': ok({ availability: 'taken', similar }) });
    render(<StudentScreen id='stu-1' afterLeaving='sp-old' renderAction={() => null} />);
    expect(await screen.findByTestId('pool-taken-message')).toHaveTextContent('已经有人在资助这位学生了，谢谢你的关心');
    const cards = screen.getAllByTestId('pool-similar-card');
    expect(cards).toHaveLength(3);
    expect(screen.queryByTestId('sponsor-this-student')).not.toBeInTheDocument();
    fireEvent.click(within(cards[1]).getByTestId('pool-card-name'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/sponsor/pages/student/index?id=stu-8&carryFrom=sp-old' });
    fireEvent.click(screen.getByTestId('pool-taken-browse'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/sponsor/pages/pool/index?carryFrom=sp-old' });
  });

  it('reloads when the action finds the student taken meanwhile', async () => {
    let round = 0;
    mockApi({
      'GET /api/pool/stu-1': () => {
        round += 1;
        return round === 1
          ? ok({ availability: 'waiting', student: poolStudent('stu-1'), credibility: credibilityFixture(), disbursementPolicy: 'p' })
          : ok({ availability: 'taken', similar: [poolStudent('stu-7', { displayName: '阿木' })] });
      },
    });
    render(
      <StudentScreen
        id='stu-1'
        renderAction={(_student, { onTaken }) => (
          <button type='button' onClick={onTaken}>
            taken
          </button>
        )}
      />,
    );
    fireEvent.click(await screen.findByText('taken'));
    await waitFor(() => expect(screen.getByTestId('pool-student')).toHaveAttribute('data-availability', 'taken'));
    expect(screen.getByText('阿木')).toBeInTheDocument();
  });

  it('shows an error with a retry', async () => {
    mockApi({ 'GET /api/pool/stu-1': offline });
    render(<StudentScreen id='stu-1' renderAction={() => null} />);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByTestId('state-retry')).toBeInTheDocument();
  });
});
