import { START, startMessagingWorld } from './test-world';

let w: Awaited<ReturnType<typeof startMessagingWorld>>;

beforeAll(async () => {
  w = await startMessagingWorld();
});
beforeEach(async () => {
  await w.reset();
  await w.grant('acc-sponsor-2', 'alipay_template', 'student_back_in_touch', 10);
});
afterAll(() => w.close());

const backInTouch = (change: string | null) => w.sponsorMessage('acc-sponsor-2', 'student_back_in_touch', { studentDisplayName: '拉则', sponsorshipId: 'sp-3', change });

it('sends a signed template message once, to the Alipay user id, with keywords in template order', async () => {
  await w.deliver(backInTouch('vocational_track'));
  expect(await w.send()).toEqual({ sent: 1, retried: 0, refused: 0, failed: 0, interrupted: 0 });
  expect(await w.send()).toEqual({ sent: 0, retried: 0, refused: 0, failed: 0, interrupted: 0 });

  expect(w.platforms.alipayTemplateSends).toHaveLength(1);
  const [{ params, bizContent }] = w.platforms.alipayTemplateSends;
  expect(params).toMatchObject({ app_id: '2021000000000001', method: 'alipay.open.app.mini.templatemessage.send', sign_type: 'RSA2', charset: 'utf-8', timestamp: '2026-11-29 12:00:00' });
  expect(params.sign).toEqual(expect.any(String));
  expect(bizContent).toMatchObject({ to_user_id: '2088000000000002', user_template_id: 'ALI-BACK', page: '/packages/sponsor/pages/sponsorship/index?id=sp-3' });
  expect(JSON.parse(bizContent.data)).toEqual({ keyword1: { value: '拉则' }, keyword2: { value: '已恢复联系，转读职业学校' }, keyword3: { value: '2026年11月29日' } });
  expect((await w.outbox())[0]).toMatchObject({ channel: 'alipay_template', status: 'sent', attempts: 1, sent_at: START.toISOString() });
  expect(await w.remaining('acc-sponsor-2', 'student_back_in_touch')).toBe(9);
});

it('addresses an open_id recipient as to_open_id', async () => {
  await w.db.updateTable('platform_identities').set({ subject: '074a1Yh3bXmBNfK2CwRfqEwlp2rBGCJ1e7Ew0nEW3hSiES' }).where('id', '=', 'pi-sponsor-2').execute();
  try {
    await w.deliver(backInTouch(null));
    await w.send();
    const [{ bizContent }] = w.platforms.alipayTemplateSends;
    expect(bizContent.to_open_id).toBe('074a1Yh3bXmBNfK2CwRfqEwlp2rBGCJ1e7Ew0nEW3hSiES');
    expect(bizContent.to_user_id).toBeUndefined();
    expect(JSON.parse(bizContent.data).keyword2).toEqual({ value: '已恢复联系，一切安好' });
  } finally {
    await w.db.updateTable('platform_identities').set({ subject: '2088000000000002' }).where('id', '=', 'pi-sponsor-2').execute();
  }
});

it('retries Alipay’s own trouble (isp.*) and takes a business refusal as final', async () => {
  await w.deliver(backInTouch(null));
  await w.deliver(backInTouch('new_school'));
  w.platforms.scriptAlipaySends({ code: '20000', sub_code: 'isp.unknow-error' }, { code: '40004', sub_code: 'USER_TEMPLATE_ILLEGAL' });
  expect(await w.send()).toEqual({ sent: 0, retried: 1, refused: 1, failed: 0, interrupted: 0 });
  const finals = (await w.outbox()).map((m) => [m.status, m.final_reason ?? m.last_error]).sort();
  expect(finals).toEqual([
    ['failed', 'refused:USER_TEMPLATE_ILLEGAL'],
    ['pending', 'templatemessage.send isp.unknow-error'],
  ]);
  expect(w.platforms.alipayTemplateSends).toEqual([]);
});

it('retries an answer whose signature fails, even one claiming success, and sends once it checks out', async () => {
  await w.deliver(backInTouch(null));
  w.platforms.scriptAlipaySends({ code: '40004', sub_code: 'USER_TEMPLATE_ILLEGAL' });
  w.platforms.scriptAlipayResponseFaults('tampered');
  expect(await w.send()).toEqual({ sent: 0, retried: 1, refused: 0, failed: 0, interrupted: 0 });
  expect((await w.outbox())[0]).toMatchObject({ status: 'pending', last_error: 'templatemessage.send response signature does not match the Alipay public key' });

  const DAY = 24 * 3600_000;
  for (const [day, fault, error] of [
    [1, 'wrong_key', 'templatemessage.send response signature does not match the Alipay public key'],
    [2, 'unsigned', 'templatemessage.send response is not signed'],
  ] as const) {
    w.at(day * DAY);
    w.platforms.scriptAlipayResponseFaults(fault);
    expect(await w.send()).toEqual({ sent: 0, retried: 1, refused: 0, failed: 0, interrupted: 0 });
    expect((await w.outbox())[0]).toMatchObject({ status: 'pending', last_error: error });
  }
  const refusals = w.t.logs.filter((line) => line.includes('Alipay response refused') && line.includes('alipay.open.app.mini.templatemessage.send'));
  expect(refusals).toHaveLength(3);

  w.at(3 * DAY);
  expect(await w.send()).toEqual({ sent: 1, retried: 0, refused: 0, failed: 0, interrupted: 0 });
  expect((await w.outbox())[0]).toMatchObject({ status: 'sent', attempts: 4 });
});
