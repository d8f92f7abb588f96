import Taro from '@tarojs/taro';
import type { Translate } from '@/lib/i18n';

/** Money is recorded for good: ask once more, showing exactly what will be saved. */
export async function confirmSave(title: string, content: string, t: Translate): Promise<boolean> {
  try {
    const answer = await Taro.showModal({ title, content, confirmText: t('staffLedger.confirmSave'), cancelText: t('staffLedger.confirmBack') });
    return Boolean(answer?.confirm);
  } catch {
    return false;
  }
}

export function savedToast(title: string): void {
  void Promise.resolve(Taro.showToast({ title, icon: 'success' })).catch(() => undefined);
}
