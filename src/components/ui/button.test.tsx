import { fireEvent, render, screen } from '@testing-library/react';
import { Button } from './button';

describe('Button', () => {
  it('calls onClick and carries its accessible label and test id', () => {
    const onClick = jest.fn();
    render(
      <Button onClick={onClick} label='Try as sponsor Lin' testId='demo-user-1'>
        Lin
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Try as sponsor Lin' });
    expect(button).toHaveAttribute('data-testid', 'demo-user-1');
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('ignores taps when disabled and says so', () => {
    const onClick = jest.fn();
    render(
      <Button onClick={onClick} disabled>
        Save
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveClass('is-disabled');
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('ignores taps while loading and marks itself busy', () => {
    const onClick = jest.fn();
    render(
      <Button onClick={onClick} loading>
        Sign in
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Sign in' });
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(button).toHaveClass('is-busy');
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('styles primary by default and secondary on request', () => {
    render(
      <>
        <Button>One</Button>
        <Button variant='secondary'>Two</Button>
      </>,
    );
    expect(screen.getByRole('button', { name: 'One' })).toHaveClass('bx-button', 'bx-button--primary');
    expect(screen.getByRole('button', { name: 'Two' })).toHaveClass('bx-button--secondary');
  });
});
