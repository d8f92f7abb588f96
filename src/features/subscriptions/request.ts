import Taro from '@tarojs/taro';
import type { SubscribeResult, SubscriptionOptions } from './api';

/** The platforms accept at most three templates in one request. */
export const MAX_TEMPLATES_PER_REQUEST = 3;
const RESULTS: readonly string[] = ['accept', 'reject', 'ban', 'filter'];

type Channel = NonNullable<SubscriptionOptions['channel']>;
type Answer = Record<string, unknown> & { result?: { subscribedEntityIds?: string[]; unsubscribedEntityIds?: string[] } };

/**
 * The templates worth asking for: only those with no send left, so a person who already agreed is
 * not asked again and again.
 */
export function templatesToAsk(options: SubscriptionOptions | null): string[] {
  if (!options?.channel) return [];
  return options.templates.filter((tpl) => tpl.remaining <= 0).slice(0, MAX_TEMPLATES_PER_REQUEST).map((tpl) => tpl.templateId);
}

/** What the platform answered, per template id (WeChat: one key per id; Alipay: lists of ids). */
export function readAnswer(channel: Channel, ids: string[], answer: Answer): Array<{ templateId: string; result: SubscribeResult }> {
  if (channel === 'wechat_subscribe') {
    return ids.flatMap((templateId) => {
      const result = answer[templateId];
      return typeof result === 'string' && RESULTS.includes(result) ? [{ templateId, result: result as SubscribeResult }] : [];
    });
  }
  const subscribed = answer.result?.subscribedEntityIds ?? [];
  const declined = answer.result?.unsubscribedEntityIds ?? [];
  return ids.flatMap((templateId): Array<{ templateId: string; result: SubscribeResult }> => {
    if (subscribed.includes(templateId)) return [{ templateId, result: 'accept' }];
    if (declined.includes(templateId)) return [{ templateId, result: 'reject' }];
    return [];
  });
}

/**
 * Shows the platform's subscription dialog; null when this build cannot (h5) or the person closed it.
 * WeChat reads `tmplIds`, Alipay `entityIds`; each ignores the other.
 */
export async function showSubscribeDialog(ids: string[]): Promise<Answer | null> {
  const request = (Taro as { requestSubscribeMessage?: typeof Taro.requestSubscribeMessage }).requestSubscribeMessage;
  if (typeof request !== 'function') return null;
  try {
    const answer = await request({ tmplIds: ids, entityIds: ids });
    return answer as unknown as Answer;
  } catch {
    return null;
  }
}
