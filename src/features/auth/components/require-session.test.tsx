import { render, screen } from '@testing-library/react';
import { caseworkerMe, signIn, sponsorMe } from '@/test/fixtures';
import * as Taro from '@/test/taro-mock';
import { LaunchScreen } from './launch-screen';
import { RequireSession } from './require-session';

describe('LaunchScreen', () => {
  it('opens the role home with a live session', () => {
    signIn(sponsorMe);
    render(<LaunchScreen />);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/home/index' });
  });

  it('opens login without one', () => {
    render(<LaunchScreen />);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });
});

describe('RequireSession', () => {
  it('renders the page for the right role', () => {
    signIn(caseworkerMe);
    render(<RequireSession roles={['caseworker', 'ngo_admin']}>staff things</RequireSession>);
    expect(screen.getByText('staff things')).toBeInTheDocument();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('sends someone signed out to login, without rendering the page', () => {
    render(<RequireSession roles={['sponsor']}>secret</RequireSession>);
    expect(screen.queryByText('secret')).not.toBeInTheDocument();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('sends someone in another role to their own home', () => {
    signIn(sponsorMe);
    render(<RequireSession roles={['caseworker', 'ngo_admin']}>staff things</RequireSession>);
    expect(screen.queryByText('staff things')).not.toBeInTheDocument();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/home/index' });
  });
});
