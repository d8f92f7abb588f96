import { act, renderHook, waitFor } from '@testing-library/react';
import { useResource } from './use-resource';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('useResource', () => {
  it('waits until enabled, then loads once', async () => {
    const load = jest.fn(() => Promise.resolve('ledger'));
    const { result, rerender } = renderHook(({ enabled }) => useResource('sp-1', load, enabled), { initialProps: { enabled: false } });
    expect(result.current.status).toBe('idle');
    expect(load).not.toHaveBeenCalled();
    rerender({ enabled: true });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.data).toBe('ledger');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('ignores an answer that arrives after a newer request, and keeps data shown when a refresh fails', async () => {
    const first = deferred<string>();
    const load = jest.fn().mockReturnValueOnce(first.promise).mockResolvedValueOnce('fresh').mockRejectedValueOnce(new Error('offline'));
    const { result } = renderHook(() => useResource('sp-1', load));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await act(() => result.current.reload());
    expect(result.current.data).toBe('fresh');
    await act(async () => first.resolve('stale'));
    expect(result.current.data).toBe('fresh');
    await act(() => result.current.reload());
    expect(result.current.status).toBe('ready');
    expect(result.current.data).toBe('fresh');
    expect(result.current.error).toEqual(expect.any(String));
  });

  it('starts over for a new key', async () => {
    const load = jest.fn((key: string) => Promise.resolve(`data of ${key}`));
    const { result, rerender } = renderHook(({ id }) => useResource(id, () => load(id)), { initialProps: { id: 'sp-1' } });
    await waitFor(() => expect(result.current.data).toBe('data of sp-1'));
    rerender({ id: 'sp-2' });
    await waitFor(() => expect(result.current.data).toBe('data of sp-2'));
  });
});
