import Taro from '@tarojs/taro';

/** Asks before doing something that matters; resolves true only on an explicit "yes". */
export async function confirmWith(options: { title: string; content: string; confirmText: string; cancelText: string; danger?: boolean }): Promise<boolean> {
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

export function toast(title: string): void {
  void Promise.resolve(Taro.showToast({ title, icon: 'success' })).catch(() => undefined);
}
