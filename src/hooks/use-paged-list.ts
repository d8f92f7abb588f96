import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageOf } from '../../domain/api/common';
import { errorMessage } from '@/lib/api-client';

export type FetchPage<T> = (cursor: string | undefined) => Promise<PageOf<T>>;

export interface PagedList<T> {
  items: T[];
  /** `loading` only before the first page; a refresh keeps showing what is already there. */
  status: 'loading' | 'ready' | 'error';
  /** Message of the last failure (first page, refresh or next page), for a person to read. */
  error: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  refreshing: boolean;
  /** Fetches the first page again; resolves when done (for pull-to-refresh), never rejects. */
  reload: () => Promise<void>;
  /** Fetches the next page if there is one and none is loading. */
  loadMore: () => Promise<void>;
}

/**
 * A cursor-paginated list (`{ items, nextCursor }`). `fetchPage` should be stable (useCallback); when
 * it changes (e.g. a different filter) the list starts over, and answers to older requests are dropped.
 */
export function usePagedList<T>(fetchPage: FetchPage<T>): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<PagedList<T>['status']>('loading');
  const [error, setError] = useState<string | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const generation = useRef(0);
  const hasItems = useRef(false);
  const busyMore = useRef(false);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    busyMore.current = false;
    setLoadingMore(false);
    setError(null);
    if (hasItems.current) setRefreshing(true);
    else setStatus('loading');
    try {
      const page = await fetchPage(undefined);
      if (mine !== generation.current) return;
      hasItems.current = page.items.length > 0;
      setItems(page.items);
      setNextCursor(page.nextCursor);
      setStatus('ready');
    } catch (failure) {
      if (mine !== generation.current) return;
      setError(errorMessage(failure));
      // Keep showing the list we have if only the refresh failed.
      if (!hasItems.current) setStatus('error');
    } finally {
      if (mine === generation.current) setRefreshing(false);
    }
  }, [fetchPage]);

  const loadMore = useCallback(async () => {
    if (!nextCursor || busyMore.current || status !== 'ready') return;
    const mine = generation.current;
    busyMore.current = true;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await fetchPage(nextCursor);
      if (mine !== generation.current) return;
      setItems((current) => [...current, ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (failure) {
      if (mine !== generation.current) return;
      setError(errorMessage(failure));
    } finally {
      if (mine === generation.current) {
        busyMore.current = false;
        setLoadingMore(false);
      }
    }
  }, [fetchPage, nextCursor, status]);

  useEffect(() => {
    // A new query starts from an empty list.
    hasItems.current = false;
    setItems([]);
    setNextCursor(null);
    void reload();
  }, [reload]);

  return { items, status, error, hasMore: nextCursor !== null, loadingMore, refreshing, reload, loadMore };
}
