import { fireEvent, render, screen } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { StateView } from './state-view';

describe('StateView', () => {
  it('loading: a polite, busy status with a default message', () => {
    render(<StateView state='loading' />);
    const view = screen.getByRole('status');
    expect(view).toHaveAttribute('aria-busy', 'true');
    expect(view).toHaveAttribute('data-testid', 'state-loading');
    expect(view).toHaveTextContent('正在加载…');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('empty: title, message and an optional next step, no retry', () => {
    render(
      <StateView state='empty' title='Nothing yet' message='Come back soon' action={<a href='#x'>Next</a>} onRetry={jest.fn()} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Nothing yet');
    expect(screen.getByText('Come back soon')).toBeInTheDocument();
    expect(screen.getByText('Next')).toBeInTheDocument();
    expect(screen.queryByTestId('state-retry')).not.toBeInTheDocument();
  });

  it('error: an alert with the message and a retry button that retries', () => {
    useLocaleStore.getState().setLocale('en-US');
    const onRetry = jest.fn();
    render(<StateView state='error' message='Check your connection and try again.' onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Check your connection and try again.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('error without a retry handler shows no button', () => {
    render(<StateView state='error' message='No.' />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
