import Taro from '@tarojs/taro';

/**
 * Asks once more before an action that cannot simply be undone; false when the person backs out.
 * Button texts must stay within 4 characters, or the mini-program refuses to show the dialog.
 */
export async function confirmAction(title: string, content: string, confirmText: string, cancelText: string): Promise<boolean> {
  try {
    const answer = await Taro.showModal({ title, content, confirmText, cancelText });
    return Boolean(answer?.confirm);
  } catch {
    return false;
  }
}

export function toast(title: string): void {
  void Promise.resolve(Taro.showToast({ title, icon: 'success' })).catch(() => undefined);
}
