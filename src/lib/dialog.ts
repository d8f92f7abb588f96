import Taro from '@tarojs/taro';
import type { DialogButtonKey, SuccessToastKey } from './dialog-labels';
import { t } from './i18n';

export type { DialogButtonKey, SuccessToastKey } from './dialog-labels';

/**
 * The one way the app asks, and tells in passing. Button and icon-toast texts are message keys from
 * `dialog-labels.ts`, measured against the platform limits in every locale by its test, so the platform
 * cannot refuse a dialog for its labels; if it refuses anyway, that is logged, never silent.
 */
export interface ConfirmRequest {
  title: string;
  content: string;
  confirm: DialogButtonKey;
  /** `common.cancel` unless said otherwise. */
  cancel?: DialogButtonKey;
  /** Paints the confirm button red: the step cannot be undone. */
  danger?: boolean;
}

/** Asks once more before an action that matters; resolves true only on an explicit "yes". */
export async function confirmAction({ title, content, confirm, cancel = 'common.cancel', danger }: ConfirmRequest): Promise<boolean> {
  const confirmText = t(confirm);
  const cancelText = t(cancel);
  try {
    const answer = await Taro.showModal({ title, content, confirmText, cancelText, ...(danger ? { confirmColor: '#ad2a22' } : {}) });
    return Boolean(answer?.confirm);
  } catch (refusal) {
    console.error(`showModal refused the dialog "${title}" (confirm "${confirmText}", cancel "${cancelText}")`, refusal);
    return false;
  }
}

/** A short success toast with its icon. */
export function toast(key: SuccessToastKey): void {
  show(t(key), 'success');
}

/** A toast of any length (up to two lines), without an icon. */
export function note(text: string): void {
  show(text, 'none');
}

function show(title: string, icon: 'success' | 'none'): void {
  // Logged, not shown to the person: the screen itself says the same.
  void Promise.resolve(Taro.showToast({ title, icon })).catch((refusal: unknown) => console.error(`showToast refused "${title}"`, refusal));
}
