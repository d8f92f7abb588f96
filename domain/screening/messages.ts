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
  personal_request: {
    'zh-CN':
      '为了保护双方，信里不能询问对方或家人的联系方式、住址、村子、学校班级、全名或家人工作的地方。问问学习、爱好和生活都很好；请改掉这个问题后再发送，如有需要可以请机构社工帮忙。',
    'en-US':
      'To keep both of you safe, letters can’t ask for the other person’s or their family’s contact details, address, village, school or class, full name or workplace. Questions about studies, hobbies and daily life are welcome; please change this question and send again. If something is really needed, the caseworker can help.',
  },
  private_channel: {
    'zh-CN':
      '为了保护双方，你们的交流都留在伴学里，不能约到微信、QQ、电话、视频或其他地方私下联系。请删去这段后再发送；信件慢一点也没关系，想说的话都可以写在信里。',
    'en-US':
      'To keep both of you safe, your conversation stays in Banxue: letters can’t suggest moving to WeChat, QQ, phone or video calls or anywhere else. Please remove this part and send again; letters may be slower, but everything you want to say can go in them.',
  },
  secrecy: {
    'zh-CN':
      '信里不能请对方向机构、社工、老师或家人保密，也不能要求看后删除。机构和家人都在保护学生；请删去这段后再发送。如果有难以开口的事，可以直接告诉机构社工，他们会认真对待。',
    'en-US':
      'Letters can’t ask the other person to keep something from the partner, the caseworker, teachers or parents, or to delete a letter after reading. They are all there to keep the student safe; please remove this part and send again. If something is hard to talk about, the caseworker will listen and take it seriously.',
  },
  meeting: {
    'zh-CN': '为了保护双方，资助人和学生不能私下见面、拜访、接送、一起出行或留宿。请删去这段后再发送；如果想见面，请联系机构，由机构安排有社工陪同的活动。',
    'en-US':
      'To keep both of you safe, sponsors and students don’t meet, visit, pick each other up, travel or stay together on their own. Please remove this part and send again; if you’d like to meet, ask the partner — they can arrange a visit with a caseworker present.',
  },
  money: {
    'zh-CN':
      '资助款项和物品都只能通过机构安排，信里不能请求或约定转账、红包、现金、借款、礼物或直接寄东西。请删去这段后再发送；如果遇到困难，请告诉机构社工，他们会帮忙想办法。',
    'en-US':
      'Support and gifts can only be arranged through the partner, so letters can’t ask for or offer transfers, cash, red envelopes, loans, gifts or parcels sent directly. Please remove this part and send again; if there is a real need, please tell the caseworker — they can help.',
  },
};

/** A message for the writer explaining why a passage of this kind held the letter, and what to do. */
export function findingMessage(category: ScreeningCategory, locale: ScreeningLocale): string {
  return MESSAGES[category][locale];
}
