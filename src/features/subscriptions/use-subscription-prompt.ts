import { useCallback, useEffect, useRef } from 'react';
import { currentPlatform } from '@/lib/platform';
import { fetchSubscriptionOptions, recordSubscriptions, type SubscriptionOptions } from './api';
import { readAnswer, showSubscribeDialog, templatesToAsk } from './request';

/**
 * Asks for platform message subscriptions at a natural moment. The platforms show their dialog only
 * when it is called straight from a tap, so the options are fetched when the screen opens and the
 * returned `ask` must be called inside the tap handler. `ask` answers null when there is nothing to
 * ask (h5, no templates, already granted), or a promise that settles once the dialog is answered and
 * never rejects; the answer is recorded without being waited for.
 */
export function useSubscriptionPrompt(): () => Promise<void> | null {
  const options = useRef<SubscriptionOptions | null>(null);

  useEffect(() => {
    // h5 has no platform messages: nothing to fetch.
    if (currentPlatform() === 'h5') return undefined;
    let live = true;
    fetchSubscriptionOptions()
      .then((answer) => {
        if (live) options.current = answer;
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  return useCallback(() => {
    const current = options.current;
    const channel = current?.channel;
    const ids = templatesToAsk(current);
    if (!channel || ids.length === 0) return null;
    return showSubscribeDialog(ids).then((answer) => {
      const results = answer ? readAnswer(channel, ids, answer) : [];
      if (results.length === 0) return;
      void recordSubscriptions({ results })
        .then((next) => {
          options.current = next;
        })
        .catch(() => undefined);
    });
  }, []);
}
