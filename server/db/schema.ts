/**
 * Row types of every table, as Kysely sees them. Timestamps are ISO-8601 UTC strings
 * (`2026-11-29T03:04:05.000Z`), dates are `YYYY-MM-DD`, money is integer fen, booleans are 0/1,
 * and JSON is stored as text: the same representation on SQLite and PostgreSQL.
 */
import type { ColumnType, Generated } from 'kysely';
import type { SituationChange } from '../../domain/care/alerts';
import type { FlagActionKind, FlagOutcome, WellbeingSourceKind } from '../../domain/care/flags';
import type { LetterStatus } from '../../domain/letters';
import type { GuardianRequestChannel, GuardianRequestKind, GuardianRequestStatus } from '../../domain/privacy/guardian-requests';
import type { FlagLevel } from '../../domain/wellbeing/types';

export interface NgoTable {
  id: string;
  name: string;
  province: string;
  city: string;
  created_at: string;
  /** Bank transfer to the NGO (null until its admin fills it in). */
  bank_account_name: string | null;
  bank_name: string | null;
  bank_account_number: string | null;
  /** The NGO's own words on paying it, e.g. what to write in the transfer memo. */
  payment_instructions: string | null;
  /** Whom a sponsor asks about paying. */
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  payment_details_updated_at: string | null;
  /** 统一社会信用代码 (18 characters), printed on sponsors' yearly statements. */
  credit_code: ColumnType<string | null, string | null | undefined, string | null>;
  /** Bumped by trigger on any write to what all the NGO's sponsors' pages show (migration 015). */
  page_version: ColumnType<number, number | undefined, number>;
}

export interface NgoPolicyTable {
  ngo_id: string;
  version: number;
  checkin_cadence_days: number;
  /** JSON: ladder steps and their day offsets from next-due. */
  ladder: string;
  sla_ack_hours: number;
  sla_first_contact_hours: number;
  /** JSON: [{ name, from, to }] date ranges that push due dates past them. */
  quiet_periods: string;
  /** JSON: exam calendar entries. */
  exam_calendar: string;
  consent_required_under_age: number;
  /** What sponsors read before pledging: how the NGO pays out their money (a default until the NGO writes its own). */
  disbursement_policy: ColumnType<string, string | undefined, string>;
  updated_at: string;
  updated_by: string | null;
  /** Days after results day in which graduating students get an exam-season check-in task. */
  exam_outreach_days: ColumnType<number, number | undefined, number>;
  urgent_ack_minutes: ColumnType<number, number | undefined, number>;
  concern_due_hours: ColumnType<number, number | undefined, number>;
  /** Months a student's personal data is kept after their time in the program ends (default 36). */
  student_retention_months: ColumnType<number, number | undefined, number>;
}

export interface AccountTable {
  id: string;
  role: 'sponsor' | 'student' | 'caseworker' | 'ngo_admin';
  locale: string;
  created_at: string;
  disabled_at: string | null;
}

export interface PlatformIdentityTable {
  id: string;
  account_id: string;
  platform: 'wechat' | 'alipay';
  subject: string;
  union_id: string | null;
  created_at: string;
}

export interface StaffTable {
  id: string;
  account_id: string;
  ngo_id: string;
  role: 'caseworker' | 'ngo_admin';
  full_name: string;
  username: string | null;
  password_hash: string | null;
  created_at: string;
}

export interface SponsorTable {
  id: string;
  account_id: string;
  display_name: string;
  created_at: string;
  /** When the sponsor deleted their account: `display_name` is then a pseudonym and the account cannot sign in. */
  deleted_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface StudentTable {
  id: string;
  ngo_id: string;
  account_id: string | null;
  caseworker_id: string | null;
  legal_name: string;
  display_name: string;
  gender: 'female' | 'male' | 'unspecified';
  date_of_birth: string;
  school_name: string;
  school_stage: 'primary' | 'middle' | 'high' | 'vocational';
  grade: number;
  expected_graduation: string;
  province: string;
  city: string;
  village: string | null;
  story: string | null;
  story_approved_at: string | null;
  photo_key: string | null;
  yearly_need_fen: number;
  program_status: 'active' | 'paused' | 'left' | 'handed_over';
  /** When the student became available in the sponsor pool (longest-waiting first). */
  pool_since: string | null;
  last_heard_at: string | null;
  next_due_at: string | null;
  /** When the silence sweep next has work for this student (next due, then each ladder step); null when none. */
  ladder_next_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** When staff recorded that the student left the program (program_status 'left'). */
  left_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1 when the NGO expects the student back, 0 when not; null unless they left. */
  left_return_expected: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: string;
  updated_at: string;
  /** When the student's personal data was erased (a guardian's deletion request, or the retention period ended); set once. */
  anonymised_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface StudentContactTable {
  id: string;
  student_id: string;
  kind: 'guardian' | 'school';
  name: string;
  relation: string | null;
  phone: string | null;
  note: string | null;
  created_at: string;
}

export interface GuardianConsentTable {
  id: string;
  student_id: string;
  guardian_name: string;
  relation: string;
  consented_on: string;
  method: 'paper' | 'in_person' | 'video' | 'phone';
  scope: string;
  retain_until: string;
  recorded_by: string;
  created_at: string;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
}

export interface GuardianRequestTable {
  id: string;
  ngo_id: string;
  student_id: string;
  kind: GuardianRequestKind;
  status: GuardianRequestStatus;
  guardian_name: string;
  guardian_relation: string;
  received_via: GuardianRequestChannel;
  received_on: string;
  details: string;
  recorded_by: string;
  recorded_at: string;
  acted_at: string | null;
  closed_at: string | null;
  closed_by: string | null;
  /** Completed: an optional note; refused: the reason (required). */
  closing_note: string | null;
}

export interface StudentInviteTable {
  id: string;
  student_id: string;
  code_hash: string;
  expires_at: string;
  used_at: string | null;
  created_by: string;
  created_at: string;
  /** Set when staff issued a newer invite for the student before this one was used. */
  revoked_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SponsorshipTable {
  id: string;
  sponsor_id: string;
  student_id: string;
  status: 'reserved' | 'active' | 'paused' | 'completed' | 'ended';
  amount_fen: number;
  cadence: 'monthly' | 'quarterly' | 'yearly';
  term_years: number;
  start_date: string;
  end_date: string;
  reserved_until: string | null;
  confirmed_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
  /** A reservation made after the previous student left: the sponsorship whose remaining pledge it carries over. */
  carried_from_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
  /** Bumped by trigger on any write to what the sponsor's pages of it show (migration 015). */
  page_version: ColumnType<number, number | undefined, number>;
}

export interface CheckinTable {
  id: string;
  student_id: string;
  kind: 'doing_well' | 'busy_exams' | 'talk_to_caseworker';
  mood: number | null;
  note: string | null;
  recorded_by: string;
  created_at: string;
}

export interface TermReportTable {
  id: string;
  student_id: string;
  term: string;
  grade: number;
  overall_result: string;
  photo_key: string | null;
  authored_by: 'student' | 'caseworker';
  author_account_id: string;
  created_at: string;
  /** 1 while an urgent wellbeing flag on its comment keeps it from the sponsor. */
  held_for_care: ColumnType<number, number | undefined, number>;
  /** Set only on a second report for a term (let in before one term format): the term's report, kept readable beside it. */
  duplicate_of: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface LetterTable {
  id: string;
  sponsorship_id: string;
  direction: 'to_student' | 'to_sponsor';
  author_account_id: string;
  in_reply_to: string | null;
  body: string;
  status: LetterStatus;
  status_changed_at: string;
  created_at: string;
}

export interface LetterEventTable {
  id: string;
  letter_id: string;
  from_status: string | null;
  to_status: string;
  actor_account_id: string | null;
  reason: string | null;
  /** JSON: screening findings, redactions. */
  detail: string | null;
  created_at: string;
  /** 1, 2, 3… per letter: orders events that share an instant (absent on rows written before it existed). */
  seq: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface LetterPhotoTable {
  id: string;
  letter_id: string;
  storage_key: string;
  width: number;
  height: number;
  bytes: number;
  created_at: string;
}

/** A photo uploaded (re-encoded, metadata stripped) and not yet, or already, attached to a letter. */
export interface UploadTable {
  id: string;
  owner_account_id: string;
  storage_key: string;
  width: number;
  height: number;
  bytes: number;
  created_at: string;
  letter_id: string | null;
  attached_at: string | null;
}

export interface LedgerEntryTable {
  id: string;
  sponsorship_id: string;
  kind: 'pledge' | 'payment' | 'disbursement' | 'refund';
  amount_fen: number;
  occurred_on: string;
  category: string | null;
  payee: string | null;
  description: string;
  receipt_key: string | null;
  recorded_by: string | null;
  created_at: string;
  /** Disbursements: who was paid, as a kind (sponsors see a label made from it, never `payee`). */
  payee_kind: ColumnType<PayeeKind | null, PayeeKind | null | undefined, PayeeKind | null>;
  /** Payments made in the app: the order that wrote this row (one row per order). */
  payment_order_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Refunds: the refund that wrote this row (one row per refund). */
  refund_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The number of the donation receipt (捐赠票据) the NGO issued for this payment, once recorded. */
  receipt_number: ColumnType<string | null, string | null | undefined, string | null>;
}

export type PayeeKind = 'school' | 'guardian' | 'student' | 'vendor';

/** A notice from the NGO to the sponsors of one student (student_id) or of all its students (null). */
export interface NgoNoticeTable {
  id: string;
  ngo_id: string;
  student_id: string | null;
  text: string;
  created_at: string;
}

export interface SilenceEpisodeTable {
  id: string;
  student_id: string;
  /** The next-due time the student passed without being heard from. */
  due_at: string;
  opened_at: string;
  closed_at: string | null;
  close_reason: string | null;
}

export interface SilenceStepTable {
  id: string;
  episode_id: string;
  step: string;
  performed_at: string;
  /** Recorded but not acted on, and why (`superseded`: a later nudge fell due in the same sweep). */
  skipped_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AlertTable {
  id: string;
  student_id: string;
  ngo_id: string;
  episode_id: string | null;
  assigned_staff_id: string | null;
  status: 'open' | 'acknowledged' | 'escalated' | 'resolved';
  opened_at: string;
  ack_due_at: string;
  first_contact_due_at: string;
  acknowledged_at: string | null;
  first_contact_at: string | null;
  escalated_at: string | null;
  resolved_at: string | null;
  outcome: string | null;
  outcome_note: string | null;
  resume_on: string | null;
  /** situation_changed: what changed, as a sponsor may read it. */
  change_kind: ColumnType<SituationChange | null, SituationChange | null | undefined, SituationChange | null>;
}

export interface ContactAttemptTable {
  id: string;
  alert_id: string | null;
  student_id: string;
  staff_id: string;
  method: 'call' | 'message' | 'home_visit' | 'school' | 'guardian';
  result: 'reached' | 'no_answer' | 'left_message' | 'wrong_number' | 'other';
  note: string | null;
  attempted_at: string;
  created_at: string;
}

export interface CaseworkerTaskTable {
  id: string;
  ngo_id: string;
  student_id: string;
  kind: 'talk_request' | 'exam_season' | 'watch' | 'sponsor_left';
  status: 'open' | 'done';
  /** Unique per NGO: makes the job that creates a task idempotent. */
  dedupe_key: string;
  due_at: string | null;
  created_at: string;
  done_at: string | null;
  done_by: ColumnType<string | null, string | null | undefined, string | null>;
  note: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON: exam_season tasks carry `{ exam, year }`. */
  detail: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface WellbeingFlagTable {
  id: string;
  student_id: string;
  ngo_id: string;
  level: FlagLevel;
  source_kind: WellbeingSourceKind;
  source_id: string;
  /** A letter edited and sent again is assessed again: its flags count up from 1. */
  source_revision: number;
  /** The words as they were assessed (a letter's body may change when it is edited and sent again). */
  text: string;
  /** JSON: the assessment's findings (category, level, start, end, excerpt). */
  findings: string;
  status: 'open' | 'acknowledged' | 'resolved';
  assigned_staff_id: string | null;
  opened_at: string;
  /** urgent: acknowledge by; concern: follow up by. The sweep escalates past it. */
  due_at: string;
  acknowledged_at: ColumnType<string | null, string | null | undefined, string | null>;
  acknowledged_by: ColumnType<string | null, string | null | undefined, string | null>;
  escalated_at: ColumnType<string | null, string | null | undefined, string | null>;
  resolved_at: ColumnType<string | null, string | null | undefined, string | null>;
  resolved_by: ColumnType<string | null, string | null | undefined, string | null>;
  outcome: ColumnType<FlagOutcome | null, FlagOutcome | null | undefined, FlagOutcome | null>;
  outcome_note: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface WellbeingActionTable {
  id: string;
  flag_id: string;
  kind: FlagActionKind;
  note: string | null;
  staff_id: string;
  acted_at: string;
}

export interface NotificationTable {
  id: string;
  account_id: string;
  kind: string;
  /** JSON payload used to render the message in the reader's language. */
  payload: string;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
}

export interface OutboxMessageTable {
  id: string;
  channel: 'wechat_subscribe' | 'alipay_template';
  account_id: string;
  template: string;
  payload: string;
  dedupe_key: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  event: ColumnType<string | null, string | null | undefined, string | null>;
  /** Why a message will not be sent (e.g. `refused:43101`); the in-app notice stands alone then. */
  final_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set just before a platform send and cleared when it ends: still set after a crash means the send may have gone out. */
  send_started_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ExamOutreachRunTable {
  ngo_id: string;
  exam: 'zhongkao' | 'gaokao';
  year: number;
  /** The calendar entry's province: each province has its own results day. */
  province: string;
  ran_at: string;
  task_count: number;
}

export interface HandoverTable {
  id: string;
  student_id: string;
  alert_id: string | null;
  from_ngo_id: string;
  to_ngo_id: string;
  status: 'pending' | 'accepted' | 'rejected';
  guardian_name: string;
  relation: string;
  consent_method: 'paper' | 'in_person' | 'video' | 'phone';
  consented_on: string;
  note: string | null;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface MessageSubscriptionTable {
  account_id: string;
  channel: 'wechat_subscribe' | 'alipay_template';
  template_id: string;
  event: string;
  /** Sends left: each accepted WeChat request allows one. */
  remaining: number;
  updated_at: string;
}

export interface PlatformTokenTable {
  name: string;
  value: string | null;
  expires_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_account_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  student_id: string | null;
  reason: string | null;
  detail: string | null;
}

export interface SessionTable {
  id: string;
  account_id: string;
  token_hash: string;
  method: 'wechat' | 'alipay' | 'password' | 'demo';
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface RateLimitCounterTable {
  key: string;
  count: number;
  window_ends_at: string;
}

export interface IdempotencyKeyTable {
  account_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  state: 'in_progress' | 'committed' | 'done';
  /** While in progress: when the claim lapses (its request crashed) and a retry may run the write. */
  lease_until: string | null;
  response_status: number | null;
  response_body: string | null;
  created_at: string;
  expires_at: string;
}

export type PayPlatform = 'wechat' | 'alipay';

/**
 * An NGO's merchant on one platform. `mode`: WeChat `direct` (its own mchid) or `sub_merchant`
 * (a sub_mchid under the server's service provider); Alipay `direct` (its own app) or `authorized`
 * (its app_auth_token given to the server's app). `merchant_id` is the mchid / sub_mchid / Alipay app
 * id or seller id a notice must name. `public_config` is JSON of what may be shown; `secret_config`
 * is the AES-256-GCM sealed JSON of the keys (never returned, never logged).
 */
export interface NgoMerchantTable {
  id: string;
  ngo_id: string;
  platform: PayPlatform;
  mode: 'direct' | 'sub_merchant' | 'authorized';
  merchant_id: string;
  public_config: string;
  secret_config: string;
  enabled: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export type PaymentOrderStatus = 'created' | 'paying' | 'paid' | 'closed' | 'failed';

export interface PaymentOrderTable {
  id: string;
  out_trade_no: string;
  sponsorship_id: string;
  sponsor_id: string;
  ngo_id: string;
  platform: PayPlatform;
  /** `jsapi`: the platform's in-app payment sheet; `qr`: a code scanned with the phone (h5 on a computer). */
  channel: 'jsapi' | 'qr';
  merchant_id: string;
  amount_fen: number;
  periods: number;
  first_due_on: string;
  /** The payer's openid / Alipay user id: set at creation for `jsapi`, from the notice for `qr`. */
  payer_subject: string | null;
  status: PaymentOrderStatus;
  /** WeChat `transaction_id` / Alipay `trade_no`. */
  platform_trade_id: string | null;
  failure_reason: string | null;
  created_at: string;
  updated_at: string;
  expires_at: string;
  paid_at: string | null;
  closed_at: string | null;
  /** While the outcome is unknown: when to ask the platform next. */
  next_query_at: string | null;
  query_attempts: ColumnType<number, number | undefined, number>;
}

export interface PaymentRefundTable {
  id: string;
  order_id: string;
  out_refund_no: string;
  amount_fen: number;
  reason: string;
  status: 'requested' | 'processing' | 'succeeded' | 'failed';
  platform_refund_id: string | null;
  failure_reason: string | null;
  requested_by: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  next_query_at: string | null;
}

export type PaymentAlertKind = 'amount_mismatch' | 'merchant_mismatch' | 'payer_mismatch' | 'unknown_order' | 'reconciliation' | 'refund_failed';

export interface PaymentAlertTable {
  id: string;
  ngo_id: string;
  order_id: string | null;
  platform: PayPlatform;
  kind: PaymentAlertKind;
  /** JSON: what differed (expected and received), never a secret. */
  detail: string;
  /** One alert per cause however many notices or runs report it. */
  dedupe_key: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface ReconciliationReportTable {
  id: string;
  ngo_id: string;
  platform: PayPlatform;
  /** The China calendar day the platform's bill covers. */
  bill_date: string;
  status: 'matched' | 'differences' | 'failed';
  matched_count: ColumnType<number, number | undefined, number>;
  /** JSON array of differences (see `features/reconciliation`). */
  differences: string;
  error: string | null;
  created_at: string;
}

/** A gift the sponsor made outside Banxue, listed on their yearly statement as self-reported. */
export interface SelfReportedGiftTable {
  id: string;
  sponsor_id: string;
  given_on: string;
  amount_fen: number;
  recipient: string;
  note: string | null;
  created_at: string;
}

export interface Database {
  ngos: NgoTable;
  ngo_policies: NgoPolicyTable;
  accounts: AccountTable;
  platform_identities: PlatformIdentityTable;
  staff: StaffTable;
  sponsors: SponsorTable;
  students: StudentTable;
  student_contacts: StudentContactTable;
  guardian_consents: GuardianConsentTable;
  guardian_requests: GuardianRequestTable;
  student_invites: StudentInviteTable;
  sponsorships: SponsorshipTable;
  checkins: CheckinTable;
  term_reports: TermReportTable;
  letters: LetterTable;
  letter_events: LetterEventTable;
  letter_photos: LetterPhotoTable;
  uploads: UploadTable;
  ledger_entries: LedgerEntryTable;
  ngo_notices: NgoNoticeTable;
  silence_episodes: SilenceEpisodeTable;
  silence_steps: SilenceStepTable;
  alerts: AlertTable;
  contact_attempts: ContactAttemptTable;
  caseworker_tasks: CaseworkerTaskTable;
  wellbeing_flags: WellbeingFlagTable;
  wellbeing_actions: WellbeingActionTable;
  notifications: NotificationTable;
  outbox_messages: OutboxMessageTable;
  exam_outreach_runs: ExamOutreachRunTable;
  handovers: HandoverTable;
  message_subscriptions: MessageSubscriptionTable;
  platform_tokens: PlatformTokenTable;
  audit_log: AuditLogTable;
  sessions: SessionTable;
  idempotency_keys: IdempotencyKeyTable;
  rate_limit_counters: RateLimitCounterTable;
  ngo_merchants: NgoMerchantTable;
  payment_orders: PaymentOrderTable;
  payment_refunds: PaymentRefundTable;
  payment_alerts: PaymentAlertTable;
  reconciliation_reports: ReconciliationReportTable;
  self_reported_gifts: SelfReportedGiftTable;
}
