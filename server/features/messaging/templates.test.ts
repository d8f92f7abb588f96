import { PUSH_EVENTS, trimWechatFields, WECHAT_FIELD_LIMITS, type WechatFieldKind } from '../../../domain/messaging';
import { renderTemplate, TEMPLATE_LAYOUTS } from './templates';

const NOW = new Date('2026-11-29T04:00:00Z');
const kindOf = (wechatKey: string) => wechatKey.replace(/\d+$/, '');
const limitOf = (wechatKey: string) => WECHAT_FIELD_LIMITS[kindOf(wechatKey) as WechatFieldKind];

/** Payloads as the system writes them: usual names, every change kind, and none at all (the fallbacks). */
const usualPayloads = ['new_school', 'vocational_track', 'moved_home', 'other', null].flatMap((change) => [
  { studentDisplayName: '阿依木呷', counterpartName: '王芳', ngoName: '凉山彝族自治州助学服务中心', sponsorshipId: 'sp-1', letterId: 'l-1', flagId: 'f-1', change, dueOn: '2026-12-01', amountFen: 123_456_789 },
  { change },
]);
const longName = '阿'.repeat(30);

describe.each(PUSH_EVENTS)('the %s platform message', (event) => {
  it('uses only keyword kinds whose WeChat length limit is known', () => {
    const keys = TEMPLATE_LAYOUTS[event].fields.map((field) => field.wechatKey);
    expect(keys.filter((key) => limitOf(key) === undefined)).toEqual([]);
  });

  it('fits every keyword within its WeChat limit (thing 20, phrase 5…) for usual names, so nothing is cut', () => {
    const over = usualPayloads.flatMap((payload) =>
      Object.entries(renderTemplate(event, 'wechat_subscribe', payload, NOW).data).filter(([key, value]) => [...value].length > limitOf(key)),
    );
    expect(over).toEqual([]);
  });
});

it('keeps the words of the check-in reminder when the student’s name is long, after the cut to the limit', () => {
  const { data } = renderTemplate('checkin_reminder', 'wechat_subscribe', { studentDisplayName: longName }, NOW);
  expect(trimWechatFields(data).thing2.value).toBe(`${'阿'.repeat(8)}…，最近好吗？点一下就好`);
});
