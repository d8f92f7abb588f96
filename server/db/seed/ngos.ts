import { DEFAULT_CARE_POLICY } from '../../../domain/care/policy';
import { examCalendar, quietPeriods, type ProvinceExams } from './calendar';
import type { Ctx, NgoModel, StaffModel } from './model';
import { STAFF_NAMES } from './names';
import { REGIONS } from './texts';
import { addDays, atLocal, iso, localYmd } from './time';

interface NgoSpec {
  key: 'sc' | 'gs';
  name: string;
  province: string;
  city: string;
  consentUnderAge: number;
  /** What sponsors read before confirming a pledge: how this NGO pays out their money. */
  disbursementPolicy: string;
  /** 统一社会信用代码 (a made-up code with a valid check character; printed on yearly statements). */
  creditCode: string;
  /** How sponsors pay it by bank transfer, and whom they ask (demo values, not a real account). */
  payment: {
    bank_account_name: string;
    bank_name: string;
    bank_account_number: string;
    payment_instructions: string;
    contact_name: string;
    contact_phone: string;
    contact_email: string;
  };
  exams: ProvinceExams;
}

const NGO_SPECS: readonly NgoSpec[] = [
  {
    key: 'sc',
    name: '凉山山鹰助学服务中心',
    province: '四川',
    city: '凉山',
    consentUnderAge: 14,
    creditCode: '52513400MJ1234567F',
    disbursementPolicy:
      '资助款进入本中心的助学专户，不经过任何个人账户。每学期开学前两周，学费和住宿费由本中心直接转给学校；生活补助每月发给学生的监护人，由社工家访时核对。每一笔支出在付款后 30 天内登记到资助账本，注明用途、金额、日期并附收据照片。资助人请勿直接给学生或家庭转账、寄钱。',
    payment: {
      bank_account_name: '凉山山鹰助学服务中心（演示账户）',
      bank_name: '中国农业银行西昌分行营业部',
      bank_account_number: '22190101040000001',
      payment_instructions: '到账后 3 个工作日内登记到账本；如 7 天后仍未看到，请联系我们。',
      contact_name: '阿西老师（捐赠服务）',
      contact_phone: '0834-3210000',
      contact_email: 'donors@shanying.example.org',
    },
    exams: {
      gaokao: { from: '06-07', to: '06-10', results: '06-23' },
      zhongkao: { from: '06-12', to: '06-14', results: '07-03' },
      localHoliday: { name: '彝族年', from: '11-20', to: '11-22' },
    },
  },
  {
    key: 'gs',
    name: '定西陇上春苗公益服务中心',
    province: '甘肃',
    city: '定西',
    consentUnderAge: 18,
    creditCode: '52621100MJ7654321Y',
    disbursementPolicy:
      '资助款由本中心统一接收并专款专用。学费在学校开具收据后由本中心直接支付；寄宿生的住宿费和伙食费按学期付给学校；生活补助按季度发给监护人，社工每学期回访一次核实用途。所有支出在 30 天内登记到资助账本并附收据。学生毕业或离开项目时，尚未使用的款项会告知资助人并按其选择处理。',
    payment: {
      bank_account_name: '定西陇上春苗公益服务中心（演示账户）',
      bank_name: '甘肃银行定西分行',
      bank_account_number: '6200000000000000802',
      payment_instructions: '转账备注里除了资助编号，也请写上您的称呼，方便我们核对。',
      contact_name: '王老师（资助人服务）',
      contact_phone: '0932-8000000',
      contact_email: 'sponsors@chunmiao.example.org',
    },
    exams: {
      gaokao: { from: '06-07', to: '06-10', results: '06-25' },
      zhongkao: { from: '06-20', to: '06-22', results: '07-08' },
    },
  },
];

function addStaff(ctx: Ctx, ngo: NgoSpec, index: number | 'admin', fullName: string, createdAt: Date, passwordHash: string): StaffModel {
  const role = index === 'admin' ? 'ngo_admin' : 'caseworker';
  const username = index === 'admin' ? `${ngo.key}-admin` : `${ngo.key}-caseworker-${index}`;
  const id = `staff-${ngo.key}-${index}`;
  const accountId = `acc-${id}`;
  ctx.rows.accounts.push({ id: accountId, role, locale: 'zh-CN', created_at: iso(createdAt), disabled_at: null });
  ctx.rows.staff.push({
    id,
    account_id: accountId,
    ngo_id: `ngo-${ngo.key}`,
    role,
    full_name: fullName,
    username,
    password_hash: passwordHash,
    created_at: iso(createdAt),
  });
  return { id, accountId, ngoId: `ngo-${ngo.key}`, role, fullName, username };
}

/** The two partner NGOs, their policies (DESIGN §4 defaults) and their staff. */
export function buildNgos(ctx: Ctx, passwordHash: string): NgoModel[] {
  return NGO_SPECS.map((spec, n) => {
    const rng = ctx.rng.fork(`ngo:${spec.key}`);
    const id = `ngo-${spec.key}`;
    // Partners for about five years: older than anyone's onboarding, even in June, when the eldest joined ~4.3 years ago.
    const createdAt = atLocal(localYmd(addDays(ctx.now, -1900 + n * 45)), 10, 30);
    ctx.rows.ngos.push({
      id,
      name: spec.name,
      province: spec.province,
      city: spec.city,
      created_at: iso(createdAt),
      ...spec.payment,
      credit_code: spec.creditCode,
      payment_details_updated_at: iso(addDays(createdAt, 3)),
    });

    const names = STAFF_NAMES[spec.key];
    const admin = addStaff(ctx, spec, 'admin', names.admin, addDays(createdAt, 2), passwordHash);
    const caseworkers = names.caseworkers.map((name, i) =>
      addStaff(ctx, spec, i + 1, name, addDays(createdAt, 20 + i * rng.int(20, 90)), passwordHash),
    );

    const ngo: NgoModel = {
      id,
      key: spec.key,
      name: spec.name,
      province: spec.province,
      city: spec.city,
      region: REGIONS[spec.key],
      admin,
      caseworkers,
      consentUnderAge: spec.consentUnderAge,
      policy: {
        ...DEFAULT_CARE_POLICY,
        quietPeriods: quietPeriods(ctx.today, spec.exams),
        examCalendar: examCalendar(ctx.today, spec.province, spec.exams),
      },
      createdAt,
    };
    ctx.rows.ngo_policies.push({
      ngo_id: id,
      version: 1,
      checkin_cadence_days: ngo.policy.checkinCadenceDays,
      ladder: JSON.stringify(ngo.policy.ladder),
      sla_ack_hours: ngo.policy.slaAckHours,
      sla_first_contact_hours: ngo.policy.slaFirstContactHours,
      quiet_periods: JSON.stringify(ngo.policy.quietPeriods),
      exam_calendar: JSON.stringify(ngo.policy.examCalendar),
      exam_outreach_days: ngo.policy.examOutreachDays,
      urgent_ack_minutes: ngo.policy.urgentAckMinutes,
      concern_due_hours: ngo.policy.concernDueHours,
      consent_required_under_age: spec.consentUnderAge,
      disbursement_policy: spec.disbursementPolicy,
      updated_at: iso(atLocal(localYmd(addDays(ctx.now, -(50 + rng.int(0, 30)))), 15, rng.int(0, 59))),
      updated_by: admin.accountId,
    });
    return ngo;
  });
}
