import type { Db } from '../../db/connect';
import { deliver } from '../messaging/deliver';
import { notify } from '../notifications/repository';
import { counterpartName, type LetterContext } from './views';

/** The in-app notices of a delivery: the reader has a letter (or a reply), the writer's letter arrived. */
export async function notifyDelivered(db: Db, ctx: LetterContext, now: Date) {
  const toStudent = ctx.direction === 'to_student';
  const readerAccount = toStudent ? ctx.student_account_id : ctx.sponsor_account_id;
  const base = { letterId: ctx.id, sponsorshipId: ctx.sponsorship_id };
  if (readerAccount) {
    await deliver(
      db,
      {
        accountId: readerAccount,
        kind: ctx.in_reply_to ? 'letter_replied' : 'letter_delivered',
        payload: { ...base, counterpartName: counterpartName(ctx, toStudent ? 'student' : 'sponsor'), ...(ctx.in_reply_to ? { inReplyTo: ctx.in_reply_to } : {}) },
        dedupeKey: `letter:${ctx.id}:delivered:${readerAccount}`,
        ...(toStudent ? {} : { push: 'letter_delivered' as const }),
      },
      now,
    );
  }
  await notify(
    db,
    {
      accountId: ctx.author_account_id,
      kind: 'letter_delivered_to_reader',
      payload: { ...base, counterpartName: counterpartName(ctx, toStudent ? 'sponsor' : 'student') },
      dedupeKey: `letter:${ctx.id}:delivered:${ctx.author_account_id}`,
    },
    now,
  );
}
