import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchPaymentOrder, type PaymentOrderView } from './api';

/** The server is asked again every 2 s while the order is open… */
export const POLL_INTERVAL_MS = 2_000;
/** …for about two minutes; after that the server's notice and query job settle it, and the sponsor is told. */
export const MAX_POLLS = 60;

const SETTLED: ReadonlySet<PaymentOrderView['status']> = new Set(['paid', 'closed', 'failed']);

export interface OrderWatch {
  order: PaymentOrderView | null;
  /** Still open after MAX_POLLS answers: stop asking, say it will be told. */
  gaveUp: boolean;
  watch: (order: PaymentOrderView) => void;
  stop: () => void;
}

/**
 * Follows an order until the server knows how it ended. Asks only while the page is shown (a page
 * hidden stops asking; shown again, it asks afresh); a failed request is simply asked again.
 */
export function useOrderWatch(): OrderWatch {
  const [order, setOrder] = useState<PaymentOrderView | null>(null);
  const [gaveUp, setGaveUp] = useState(false);
  const [shown, setShown] = useState(true);
  const [round, setRound] = useState(0);
  const polls = useRef(0);

  useDidShow(() => {
    polls.current = 0;
    setGaveUp(false);
    setShown(true);
  });
  useDidHide(() => setShown(false));

  const orderId = order?.id ?? null;
  const open = order !== null && !SETTLED.has(order.status);
  useEffect(() => {
    if (!orderId || !open || !shown || gaveUp) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      polls.current += 1;
      fetchPaymentOrder(orderId)
        .then((next) => {
          if (live) setOrder(next);
        })
        .catch(() => undefined)
        .finally(() => {
          if (!live) return;
          if (polls.current >= MAX_POLLS) setGaveUp(true);
          else setRound((n) => n + 1);
        });
    }, POLL_INTERVAL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [orderId, open, shown, gaveUp, round]);

  const watch = useCallback((next: PaymentOrderView) => {
    polls.current = 0;
    setGaveUp(false);
    setOrder(next);
  }, []);
  const stop = useCallback(() => setOrder(null), []);

  return { order, gaveUp, watch, stop };
}
