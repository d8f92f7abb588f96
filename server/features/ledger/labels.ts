import type { Locale } from '../../lib/messages';

export type PayeeKind = 'school' | 'guardian' | 'student' | 'vendor';

const PAYEES: Record<Locale, Record<PayeeKind | 'unknown', string>> = {
  'zh-CN': { school: '学校', guardian: '学生的监护人', student: '学生本人', vendor: '供应商', unknown: '合作机构登记的收款方' },
  'en-US': { school: 'the school', guardian: 'the student’s guardian', student: 'the student', vendor: 'a supplier', unknown: 'a payee recorded by the NGO' },
};

const CATEGORIES: Record<Locale, Record<string, string>> = {
  'zh-CN': { tuition: '学费', boarding: '住宿费', living_stipend: '生活补助', books_supplies: '书本文具', transport: '交通费', other: '其他' },
  'en-US': { tuition: 'tuition', boarding: 'boarding', living_stipend: 'living stipend', books_supplies: 'books and supplies', transport: 'transport', other: 'other' },
};

/**
 * Who a disbursement paid, as a sponsor may see it: the kind of payee and what for, in the caller's
 * language ('学校（学费）', 'the school (tuition)'). Never the payee's name: that may name the school.
 */
export function payeeLabel(kind: PayeeKind | null, category: string | null, locale: Locale): string {
  const who = PAYEES[locale][kind ?? 'unknown'];
  const what = category ? CATEGORIES[locale][category] : undefined;
  if (!what) return who;
  return locale === 'zh-CN' ? `${who}（${what}）` : `${who} (${what})`;
}

const INSTRUCTIONS: Record<'online' | 'transfer', Record<Locale, string>> = {
  online: {
    'zh-CN':
      '可以在这里用微信支付或支付宝付下一期或几期，钱直接进入合作机构自己的账户；也可以按下面的账户信息银行转账，并在转账备注里写上资助编号。机构收到后会登记在这里，并在 30 天内登记用这笔钱为学生支付的费用。',
    'en-US':
      'You can pay the next period, or several, here with WeChat Pay or Alipay, straight into the partner NGO’s own account; or pay by bank transfer to the account below, with the sponsorship reference in the transfer memo. The NGO records your payment here, and records what it pays for the student within 30 days.',
  },
  transfer: {
    'zh-CN':
      '合作机构还没有开通在小程序里用微信支付或支付宝付款。请按下面的账户信息通过银行转账把资助款汇给合作机构，并在转账备注里写上资助编号；机构收到后会登记在这里，并在 30 天内登记用这笔钱为学生支付的费用。',
    'en-US':
      'The partner NGO does not take WeChat Pay or Alipay in the app yet. Please pay it by bank transfer to the account below, with the sponsorship reference in the transfer memo; the NGO records your payment here once it arrives, and records what it pays for the student within 30 days.',
  },
};

/** How paying works for this sponsorship: in the app when the NGO takes payments there, by bank transfer always. */
export function paymentInstructions(locale: Locale, online = false): string {
  return INSTRUCTIONS[online ? 'online' : 'transfer'][locale];
}

/**
 * Text written by staff, made safe for a sponsor: every occurrence of a protected value (the student's
 * legal name, school, village, the payee's own name) becomes ■■■.
 */
export function sponsorSafeText(text: string, protectedValues: readonly (string | null)[]): string {
  let safe = text;
  for (const value of protectedValues) {
    if (value && value.trim().length >= 2) safe = safe.split(value.trim()).join('■■■');
  }
  return safe;
}
