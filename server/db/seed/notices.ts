import type { Ctx, SponsorshipModel } from './model';
import { addDays, atLocal, iso, localYmd } from './time';

/** Notices from each NGO: two to all its sponsors, one about one student (never a school or village name). */
export function buildNotices(ctx: Ctx, sponsorships: readonly SponsorshipModel[]): void {
  const active = sponsorships.filter((sp) => sp.status === 'active');
  const ngos = [...new Map(active.map((sp) => [sp.student.ngo.id, sp.student.ngo])).values()];
  for (const ngo of ngos) {
    const at = (daysAgo: number, hour: number) => iso(atLocal(localYmd(addDays(ctx.now, -daysAgo)), hour, 30));
    const notice = (studentId: string | null, text: string, createdAt: string) =>
      ctx.rows.ngo_notices.push({ id: ctx.ids.next('notice', 3), ngo_id: ngo.id, student_id: studentId, text, created_at: createdAt });
    notice(null, `${ngo.name}：本学期的资助款已按学期拨付到位，每一笔支出都登记在各位资助人的资助账本里，并附有收据照片。`, at(75, 10));
    notice(null, '期末考试前后，学生们会比平时更忙，回信和签到可能慢一些，请不用担心。社工会继续关心每一位学生。', at(20, 16));
    const first = active.find((sp) => sp.student.ngo.id === ngo.id);
    if (first) notice(first.student.id, `${first.student.displayName}这学期参加了学校的课外兴趣小组，社工上门家访时看到${first.student.gender === 'female' ? '她' : '他'}很开心。`, at(6, 11));
  }
}
