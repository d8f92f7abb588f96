import { useCallback, useEffect, useState } from 'react';
import type { PushEvent } from '../../../domain/messaging';
import { currentPlatform } from '@/lib/platform';
import { fetchSubscriptionOptions, recordSubscriptions, type SubscribeResult, type SubscriptionOptions } from './api';
import { readAnswer, showSubscribeDialog } from './request';

export interface EventSubscription {
  channel: NonNullable<SubscriptionOptions['channel']>;
  templateId: string;
  /** Messages the grants still allow (a WeChat accept adds one; an Alipay accept stands). */
  remaining: number;
}

function offerOf(options: SubscriptionOptions, event: PushEvent): EventSubscription | null {
  const template = options.templates.find((tpl) => tpl.event === event);
  return options.channel && template ? { channel: options.channel, templateId: template.templateId, remaining: template.remaining } : null;
}

/**
 * One event's platform messages, asked for on purpose (a button) rather than at a natural moment:
 * `offer` is null on h5 or when the server has no template for the caller; `ask` must be called
 * straight from a tap, and asks even when sends are left, since WeChat grants add up one per accept.
 */
export function useEventSubscription(event: PushEvent): { offer: EventSubscription | null; ask: () => Promise<SubscribeResult | null> } {
  const [offer, setOffer] = useState<EventSubscription | null>(null);

  useEffect(() => {
    if (currentPlatform() === 'h5') return undefined;
    let live = true;
    fetchSubscriptionOptions()
      .then((options) => {
        if (live) setOffer(offerOf(options, event));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [event]);

  const ask = useCallback(async (): Promise<SubscribeResult | null> => {
    if (!offer) return null;
    const answer = await showSubscribeDialog([offer.templateId]);
    const [result] = answer ? readAnswer(offer.channel, [offer.templateId], answer) : [];
    if (!result) return null;
    void recordSubscriptions({ results: [result] })
      .then((next) => setOffer(offerOf(next, event)))
      .catch(() => undefined);
    return result.result;
  }, [offer, event]);

  return { offer, ask };
}
