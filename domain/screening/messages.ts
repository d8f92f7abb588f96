import { type ScreeningCategory } from './types';

export type ScreeningLocale = 'zh-CN' | 'en-US';

/**
 * What the writer is told when a passage holds the letter: why this kind of passage can't go out, and
 * what to do instead. Kind, specific, and never accusing — most writers mean well.
 */
const MESSAGES: Record<ScreeningCategory, Record<ScreeningLocale, string>> = {
  phone: {
    'zh-CN': '为了保护双方，信里不能包含电话号码。请删去这段后再发送，如需联系请通过机构社工。',
    'en-US':
      'To keep both of you safe, letters can’t include phone numbers. Please remove this part and send again; if you need to get in touch, the partner’s caseworker can help.',
  },
  social_id: {
    'zh-CN': '为了保护双方，信里不能包含微信、QQ、支付宝、微博、抖音等账号。请删去这段后再发送，你们的交流都通过伴学和机构进行。',
    'en-US':
      'To keep both of you safe, letters can’t include WeChat, QQ, Alipay, Weibo, Douyin or other account names. Please remove this part and send again; all contact goes through Banxue and the partner.',
  },
  email: {
    'zh-CN': '为了保护双方，信里不能包含电子邮箱地址。请删去这段后再发送，想说的话都可以写在信里。',
    'en-US':
      'To keep both of you safe, letters can’t include e-mail addresses. Please remove this part and send again; anything you want to say can go in the letter itself.',
  },
  url: {
    'zh-CN': '为了保护双方，信里不能包含网址或链接。请删去这段后再发送，想分享的照片或作品可以作为附件随信发送。',
    'en-US':
      'To keep both of you safe, letters can’t include web addresses or links. Please remove this part and send again; photos or work you want to share can be attached to the letter.',
  },
  address: {
    'zh-CN': '为了保护双方，信里不能写详细地址（如门牌号、小区、村组）。说说省份或城市没问题；请删去详细地址后再发送，寄送物品请交给机构转交。',
    'en-US':
      'To keep both of you safe, letters can’t include a detailed address (street, building, village group). Mentioning a province or city is fine; please remove the address and send again. Anything to be sent goes through the partner.',
  },
  school: {
    'zh-CN': '为了保护学生，信里不能写出具体的学校名称。可以写“我们学校”“我的中学”；请改一下再发送。',
    'en-US':
      'To protect the student, letters can’t name a specific school. “My school” or “my middle school” is fine; please change this part and send again.',
  },
  id_number: {
    'zh-CN': '为了保护你的个人信息，信里不能包含身份证号码。请删去这段后再发送；需要填写资料的事请直接联系机构社工。',
    'en-US':
      'To protect personal information, letters can’t include ID card numbers. Please remove this part and send again; for any forms, please contact the partner’s caseworker directly.',
  },
  bank_card: {
    'zh-CN': '为了保护双方，信里不能包含银行卡号或账号。请删去这段后再发送；所有资助款项都由机构管理和发放。',
    'en-US':
      'To keep both of you safe, letters can’t include bank card or account numbers. Please remove this part and send again; all support is managed and paid out by the partner.',
  },
  money: {
    'zh-CN': '资助款项和物品都只能通过机构安排，信里不能请求或约定转账、红包、礼物。请删去这段后再发送；如果遇到困难，请告诉机构社工，他们会帮忙想办法。',
    'en-US':
      'Support and gifts can only be arranged through the partner, so letters can’t ask for or offer transfers, cash, red envelopes or gifts. Please remove this part and send again; if there is a real need, please tell the caseworker — they can help.',
  },
  meeting: {
    'zh-CN': '为了保护双方，资助人和学生不能在平台外联系或私下见面（包括打电话、视频、加好友）。请删去这段后再发送；如果想见面，请联系机构，由机构安排有社工陪同的活动。',
    'en-US':
      'To keep both of you safe, sponsors and students don’t contact or meet each other outside Banxue (calls, video chats or adding each other included). Please remove this part and send again; if you’d like to meet, ask the partner — they can arrange a visit with a caseworker present.',
  },
};

/** A message for the writer explaining why a passage of this kind held the letter, and what to do. */
export function findingMessage(category: ScreeningCategory, locale: ScreeningLocale): string {
  return MESSAGES[category][locale];
}
