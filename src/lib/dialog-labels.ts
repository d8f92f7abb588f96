import type { MessageKey } from './i18n';

/**
 * The platforms refuse a dialog whose button text is too long, and cut a toast's text short beside its
 * icon, so these texts may only come from the lists below; `dialog-labels.test.ts` measures each one in
 * every locale. The measure is the platform's own (Taro's h5 `showModal` and WeChat): a character from
 * U+0391 to U+FFE5 (Chinese, full-width forms, Greek, Cyrillic, "…") counts two, any other one, so mixed
 * text such as "OK了" counts 4.
 */
export function platformWidth(text: string): number {
  return text.replace(/[\u0391-\uFFE5]/g, 'aa').length;
}

/** `showModal` confirmText / cancelText: 4 Chinese characters or 8 ASCII. */
export const BUTTON_WIDTH_LIMIT = 8;
/** `showToast` with an icon shows 7 Chinese characters. */
export const ICON_TOAST_WIDTH_LIMIT = 14;

/** Every text a confirmation dialog's buttons may show. */
export const DIALOG_BUTTON_KEYS = [
  'common.cancel',
  'care.confirmAccept',
  'care.confirmCallGuardian',
  'care.confirmClose',
  'care.confirmDone',
  'care.confirmRecord',
  'care.confirmReject',
  'care.confirmResolve',
  'care.confirmTakeOn',
  'compose.discardConfirm',
  'consent.withdrawConfirm',
  'letter.withdrawConfirm',
  'merchants.confirmSave',
  'merchants.removeConfirm',
  'myData.delete.confirm',
  'onboarding.back',
  'onboarding.confirmSave',
  'onboarding.invite.reissueConfirm',
  'onboarding.pool.confirm',
  'onboarding.story.approve',
  'outbox.discard',
  'paymentAdmin.alert.confirm',
  'paymentAdmin.refund.confirm',
  'paymentDetails.confirmSave',
  'pay.confirmOk',
  'policy.confirmSave',
  'review.approve',
  'review.redactDialogConfirm',
  'review.returnDialogConfirm',
  'rights.complete.confirm',
  'rights.delete.confirm',
  'rights.refuse.confirm',
  'settings.logoutConfirm',
  'settings.logoutDiscardConfirm',
  'statement.deleteGiftConfirm',
  'staffLedger.confirmBack',
  'staffLedger.confirmSave',
  'timeline.left.endConfirm',
  'timeline.left.waitConfirm',
  'timeline.renew.confirm',
] as const satisfies readonly MessageKey[];

/** Every text a toast with the success icon may show (longer or changing text goes without an icon). */
export const SUCCESS_TOAST_KEYS = [
  'care.acknowledged',
  'care.attemptSaved',
  'care.flagActionSaved',
  'care.flagClosed',
  'care.handoverDecided',
  'care.reassigned',
  'care.resolved',
  'care.taskDoneToast',
  'care.urgentPush.on',
  'compose.sent',
  'consent.saved',
  'consent.withdrawn',
  'letter.withdrawDone',
  'merchants.removed',
  'merchants.saved',
  'onboarding.form.saved',
  'onboarding.pool.entered',
  'onboarding.story.approved',
  'onboarding.term.saved',
  'paymentAdmin.alert.done',
  'paymentAdmin.refund.done',
  'paymentAdmin.report.done',
  'paymentDetails.saved',
  'policy.saved',
  'review.done',
  'rights.completed',
  'rights.recorded',
  'rights.refused',
  'staffLedger.disbursementSaved',
  'staffLedger.paymentSaved',
  'staffLedger.receiptNumberSaved',
  'statement.giftDeleted',
  'statement.giftSaved',
  'timeline.left.endedToast',
  'timeline.left.waitingToast',
  'timeline.renew.done',
] as const satisfies readonly MessageKey[];

export type DialogButtonKey = (typeof DIALOG_BUTTON_KEYS)[number];
export type SuccessToastKey = (typeof SUCCESS_TOAST_KEYS)[number];
