import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { signIn, sponsorMe } from '@/test/fixtures';
import { failWith, mockApi, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { poolStudent } from '../../pool/test-data';
import { useReservationStore } from '../reservation-store';
import { reservationFixture } from '../test-data';
import { SponsorAction } from './sponsor-action';

describe('SponsorAction', () => {
  beforeEach(() => {
    signIn(sponsorMe);
    useReservationStore.setState({ held: {} });
  });

  it('shows each payment as the server will compute it, for the cadence chosen', () => {
    render(<SponsorAction student={poolStudent('stu-1', { yearlyNeedFen: 300050, yearsToGraduation: 3 })} onTaken={jest.fn()} />);
    const preview = screen.getByTestId('sponsor-action-preview');
    // ¥3,000.50 a year: ¥250.04… a month, rounded up to a whole yuan.
    expect(preview).toHaveTextContent('每月 ¥251');
    expect(preview).toHaveTextContent('共 36 次，合计 ¥9,036');
    fireEvent.click(screen.getByTestId('pledge-cadence-quarterly'));
    expect(preview).toHaveTextContent('每季度 ¥751');
    fireEvent.click(screen.getByTestId('pledge-cadence-yearly'));
    expect(preview).toHaveTextContent('每年 ¥3,001');
    expect(preview).toHaveTextContent('共 3 次，合计 ¥9,003');
  });

  it('reserves with the cadence, keeps the reservation for the review step and opens it', async () => {
    const reservation = reservationFixture({ commitment: { ...reservationFixture().commitment, cadence: 'quarterly' } });
    const sent = mockApi({ 'POST /api/pledges/reserve': { statusCode: 201, data: reservation } });
    render(<SponsorAction student={poolStudent('stu-1')} onTaken={jest.fn()} />);
    fireEvent.click(screen.getByTestId('pledge-cadence-quarterly'));
    fireEvent.click(screen.getByTestId('sponsor-this-student'));
    await waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/pledge/index?sponsorshipId=sp-new&studentId=stu-1' }),
    );
    expect(sent[0].data).toEqual({ studentId: 'stu-1', cadence: 'quarterly' });
    expect(useReservationStore.getState().held['sp-new']).toMatchObject({ reservation, origin: { kind: 'reserve', cadence: 'quarterly' } });
  });

  it('hands a STUDENT_TAKEN answer to the page, which shows the alternatives', async () => {
    mockApi({ 'POST /api/pledges/reserve': failWith(409, 'STUDENT_TAKEN', '已有人资助') });
    const onTaken = jest.fn();
    render(<SponsorAction student={poolStudent('stu-1')} onTaken={onTaken} />);
    fireEvent.click(screen.getByTestId('sponsor-this-student'));
    await waitFor(() => expect(onTaken).toHaveBeenCalledTimes(1));
    expect(Taro.navigateTo).not.toHaveBeenCalled();
    expect(screen.queryByTestId('sponsor-action-error')).not.toBeInTheDocument();
  });

  it('shows other failures in place', async () => {
    mockApi({ 'POST /api/pledges/reserve': failWith(409, 'ALREADY_RESERVING', '你正在确认另一位学生。') });
    render(<SponsorAction student={poolStudent('stu-1')} onTaken={jest.fn()} />);
    fireEvent.click(screen.getByTestId('sponsor-this-student'));
    expect(await screen.findByTestId('sponsor-action-error')).toHaveTextContent('你正在确认另一位学生。');
  });

  it('after the earlier student left: carries the pledge over through the after-leaving choice', async () => {
    const sent = mockApi({ 'POST /api/sponsor/sponsorships/sp-old/after-leaving': ok(reservationFixture({ sponsorshipId: 'sp-carry' })) });
    render(<SponsorAction student={poolStudent('stu-1')} afterLeaving='sp-old' onTaken={jest.fn()} />);
    expect(screen.getByTestId('sponsor-action-carry-over')).toBeInTheDocument();
    expect(screen.queryByTestId('pledge-cadence-monthly')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('sponsor-this-student'));
    await waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/pledge/index?sponsorshipId=sp-carry&studentId=stu-1' }),
    );
    expect(sent[0].data).toEqual({ choice: 'sponsor_another', newStudentId: 'stu-1' });
    expect(useReservationStore.getState().held['sp-carry'].origin).toEqual({ kind: 'afterLeaving', sponsorshipId: 'sp-old' });
  });
});
