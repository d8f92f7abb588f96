import Taro from '@tarojs/taro';

export interface ConfirmOptions {
  title: string;
  content: string;
  /** At most 4 characters, or the mini-program refuses to show the dialog. */
  confirmText: string;
  cancelText: string;
  /** Paints the confirm button red: the step cannot be undone. */
  danger?: boolean;
}

/** Asks once more before an action that matters; resolves true only on an explicit "yes". */
export async function confirmAction(options: ConfirmOptions): Promise<boolean> {
  try {
    const answer = await Taro.showModal({
      title: options.title,
      content: options.content,
      confirmText: options.confirmText,
      cancelText: options.cancelText,
      ...(options.danger ? { confirmColor: '#ad2a22' } : {}),
    });
    return Boolean(answer?.confirm);
  } catch {
    return false;
  }
}

/** A short success toast; failing to show one is never an error. */
export function toast(title: string): void {
  void Promise.resolve(Taro.showToast({ title, icon: 'success' })).catch(() => undefined);
}
