import * as Taro from '@/test/taro-mock';
import { confirmAction, note, toast } from './dialog';
import { useLocaleStore } from './i18n';

const request = { title: '撤回这封信？', content: '撤回后对方不会收到。', confirm: 'letter.withdrawConfirm' } as const;

describe('confirmAction', () => {
  it('shows the labels of the keys in the current language and resolves true only on "yes"', async () => {
    useLocaleStore.setState({ locale: 'en-US' });
    await expect(confirmAction({ ...request, danger: true })).resolves.toBe(true);
    expect(Taro.showModal).toHaveBeenCalledWith({ title: request.title, content: request.content, confirmText: 'Withdraw', cancelText: 'Cancel', confirmColor: '#ad2a22' });
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    await expect(confirmAction(request)).resolves.toBe(false);
  });

  it('logs a dialog the platform refuses, with its labels, and treats it as "no"', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    Taro.showModal.mockImplementationOnce(() => Promise.reject({ errMsg: 'showModal:fail confirmText length should not larger then 4 Chinese characters' }));
    await expect(confirmAction(request)).resolves.toBe(false);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('confirm "撤回", cancel "取消"'), expect.objectContaining({ errMsg: expect.stringContaining('confirmText') }));
    logged.mockRestore();
  });
});

describe('toasts', () => {
  it('shows a success toast with its icon, and any other text without one', () => {
    toast('compose.sent');
    note('已保存，连上网络后会自动发送。');
    expect(Taro.showToast.mock.calls).toEqual([[{ title: '已寄出', icon: 'success' }], [{ title: '已保存，连上网络后会自动发送。', icon: 'none' }]]);
  });
});
