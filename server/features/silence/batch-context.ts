import type { Db } from '../../db/connect';

export interface SponsorOf {
  sponsorshipId: string;
  sponsorAccountId: string;
}

/**
 * Who hears about a batch of students: their caseworkers' accounts, the sponsors of their
 * active or paused sponsorships, and their NGOs' names. Three queries for the whole batch, sequential on its one connection.
 */
export async function loadRecipients(db: Db, studentIds: readonly string[], caseworkerIds: readonly string[], ngoIds: readonly string[]) {
  const caseworkers = caseworkerIds.length ? await db.selectFrom('staff').select(['id', 'account_id']).where('id', 'in', [...new Set(caseworkerIds)]).execute() : [];
  const sponsorships = studentIds.length
      ? await db
          .selectFrom('sponsorships')
          .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
          .select(['sponsorships.id', 'sponsorships.student_id', 'sponsors.account_id'])
          .where('sponsorships.student_id', 'in', studentIds)
          .where('sponsorships.status', 'in', ['active', 'paused'])
          .execute()
      : [];
  const ngos = ngoIds.length ? await db.selectFrom('ngos').select(['id', 'name']).where('id', 'in', [...new Set(ngoIds)]).execute() : [];
  return {
    caseworkerAccount: new Map(caseworkers.map((c) => [c.id, c.account_id])),
    sponsorOf: new Map<string, SponsorOf>(sponsorships.map((s) => [s.student_id, { sponsorshipId: s.id, sponsorAccountId: s.account_id }])),
    ngoName: new Map(ngos.map((n) => [n.id, n.name])),
  };
}
