import { shanghaiDate } from '../../../domain/care/due';
import { trimToLimit, type PushChannel, type PushEvent } from '../../../domain/messaging';

type Payload = Record<string, unknown>;

/** One keyword of a template: its WeChat key (the kind prefix sets the length limit) and its zh-CN value. */
interface TemplateField {
  wechatKey: string;
  value: (payload: Payload, now: Date) => string;
}

interface TemplateLayout {
  /** The mini-program page the message opens. */
  page: (payload: Payload) => string;
  /** In template order: Alipay's keys are `keyword1`, `keyword2`… by position. */
  fields: readonly TemplateField[];
}

const text = (payload: Payload, key: string, fallback = '') => (typeof payload[key] === 'string' && payload[key] !== '' ? (payload[key] as string) : fallback);
const query = (payload: Payload, key: string) => encodeURIComponent(text(payload, key));
const chineseDay = (ymd: string) => {
  const [year, month, day] = ymd.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};
const chineseDate = (now: Date) => chineseDay(shanghaiDate(now));
const studentName = (payload: Payload) => text(payload, 'studentDisplayName', '你资助的同学');
/** Fen as WeChat's amount kind writes it: `¥300.00`. */
const yuan = (payload: Payload) => (typeof payload.amountFen === 'number' ? `¥${(payload.amountFen / 100).toFixed(2)}` : '');

/** What changed, in the words the sponsor's page uses (never the school's name). */
const BACK_IN_TOUCH_LINE: Record<string, string> = {
  new_school: '已恢复联系，转到了新学校',
  vocational_track: '已恢复联系，转读职业学校',
  moved_home: '已恢复联系，家里搬了家',
  other: '已恢复联系，情况有些变化',
};

/**
 * The keyword layout each event's template must have (docs/OPERATIONS.md, "Platform messages"),
 * filled from the in-app notice's payload.
 */
export const TEMPLATE_LAYOUTS: Record<PushEvent, TemplateLayout> = {
  checkin_reminder: {
    page: () => '/packages/student/pages/home/index',
    fields: [
      { wechatKey: 'thing1', value: () => '报个平安' },
      // The name gives way (9 of the 20 characters) so the words after it survive the cut to 20 on sending.
      { wechatKey: 'thing2', value: (p) => `${trimToLimit(text(p, 'studentDisplayName', '同学'), 9)}，最近好吗？点一下就好` },
      { wechatKey: 'date3', value: (_p, now) => chineseDate(now) },
    ],
  },
  student_checking_in: {
    page: (p) => `/packages/sponsor/pages/sponsorship/index?id=${query(p, 'sponsorshipId')}`,
    fields: [
      { wechatKey: 'thing1', value: studentName },
      { wechatKey: 'thing2', value: (p) => `${text(p, 'ngoName', '合作机构')}正在联系TA` },
      { wechatKey: 'thing3', value: () => '这很常见，有消息会告诉您' },
    ],
  },
  student_back_in_touch: {
    page: (p) => `/packages/sponsor/pages/sponsorship/index?id=${query(p, 'sponsorshipId')}`,
    fields: [
      { wechatKey: 'thing1', value: studentName },
      { wechatKey: 'thing2', value: (p) => BACK_IN_TOUCH_LINE[text(p, 'change')] ?? '已恢复联系，一切安好' },
      { wechatKey: 'date3', value: (_p, now) => chineseDate(now) },
    ],
  },
  // Never the student's words: only who, and that it is urgent (the case opens in the app).
  care_urgent: {
    page: (p) => `/packages/staff/pages/flag/index?id=${query(p, 'flagId')}`,
    fields: [
      { wechatKey: 'thing1', value: (p) => text(p, 'studentDisplayName', '一位学生') },
      { wechatKey: 'thing2', value: () => '紧急关怀提醒，请立即查看' },
      { wechatKey: 'date3', value: (_p, now) => chineseDate(now) },
    ],
  },
  letter_delivered: {
    page: (p) => `/packages/sponsor/pages/letter/index?id=${query(p, 'letterId')}`,
    fields: [
      { wechatKey: 'thing1', value: (p) => text(p, 'counterpartName', '你资助的同学') },
      { wechatKey: 'thing2', value: () => '给您写了一封信' },
      { wechatKey: 'date3', value: (_p, now) => chineseDate(now) },
    ],
  },
  // A reminder, never a charge: the sponsor pays from the ledger when they choose.
  payment_due: {
    page: (p) => `/packages/sponsor/pages/ledger/index?id=${query(p, 'sponsorshipId')}`,
    fields: [
      { wechatKey: 'thing1', value: studentName },
      { wechatKey: 'amount2', value: yuan },
      { wechatKey: 'date3', value: (p, now) => (text(p, 'dueOn') ? chineseDay(text(p, 'dueOn')) : chineseDate(now)) },
      { wechatKey: 'thing4', value: () => '下一期资助即将到期，可在账目中支付' },
    ],
  },
};

/** The page and keyword values of an event's message, keyed for the channel. */
export function renderTemplate(event: PushEvent, channel: PushChannel, payload: Payload, now: Date): { page: string; data: Record<string, string> } {
  const layout = TEMPLATE_LAYOUTS[event];
  const data = Object.fromEntries(
    layout.fields.map((field, index) => [channel === 'wechat_subscribe' ? field.wechatKey : `keyword${index + 1}`, field.value(payload, now)]),
  );
  return { page: layout.page(payload), data };
}
