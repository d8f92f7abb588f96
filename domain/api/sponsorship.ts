import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoDate, IsoDateTime, literals, Page, PageQuery } from './common';
import { NgoCredibility } from './credibility';
import { SponsorCareView } from './care';
import { SponsorshipSummary } from './homes';
import { PayTo } from './ngo';
import { ReceiptNumber } from './payment-admin';
import { OnlinePayment } from './payments';

/** One of the sponsor's sponsorships, with what they may be asked to decide. */
export const SponsorshipDetail = Type.Composite([
  SponsorshipSummary,
  Type.Object({
    endDate: IsoDate,
    credibility: NgoCredibility,
    /** Near the end of the term: the ways to continue. */
    renewal: Type.Union([Type.Object({ options: Type.Array(literals(['to_graduation', 'one_year'] as const)), endsOn: IsoDate }), Type.Null()]),
    /** Set when the NGO recorded that the student left the program and the sponsor has not chosen yet. */
    studentLeft: Type.Union([Type.Object({ returnExpected: Type.Boolean(), remainingFen: Type.Integer() }), Type.Null()]),
    /** The gentle status of the partner's care: checking in, back in touch, or nothing to say. */
    care: SponsorCareView,
    /** Letters from the student held before delivery (for any reason; the sponsor is told only that they are delayed). */
    lettersDelayed: Type.Integer(),
  }),
]);
export type SponsorshipDetail = Static<typeof SponsorshipDetail>;

export const SponsorshipIdParams = Type.Object({ id: Id }, { additionalProperties: false });

const TimelineBase = { id: Id, at: IsoDateTime };

/** What a sponsor's timeline shows. A student's request to talk to their caseworker is never among them. */
export const TimelineItem = Type.Union([
  Type.Object({ ...TimelineBase, kind: Type.Literal('letter'), letterId: Id, direction: literals(['to_student', 'to_sponsor'] as const), preview: Type.String(), photoCount: Type.Integer() }),
  Type.Object({ ...TimelineBase, kind: Type.Literal('checkin'), mood: literals(['doing_well', 'busy_exams'] as const) }),
  Type.Object({ ...TimelineBase, kind: Type.Literal('term_report'), term: Type.String(), grade: Type.Integer(), overallResult: Type.String(), authoredBy: literals(['student', 'caseworker'] as const) }),
  /** `paidOn` is the day the money was paid, the date the ledger shows; `at` (when it was recorded) places it in the timeline. */
  Type.Object({ ...TimelineBase, kind: Type.Literal('disbursement'), paidOn: IsoDate, category: Type.String(), payeeLabel: Type.String(), amountFen: Type.Integer() }),
  Type.Object({ ...TimelineBase, kind: Type.Literal('ngo_notice'), text: Type.String() }),
]);
export type TimelineItem = Static<typeof TimelineItem>;

export const TimelinePage = Page(TimelineItem);
export type TimelinePage = Static<typeof TimelinePage>;

export const LedgerEntryView = Type.Object({
  id: Id,
  occurredOn: IsoDate,
  /** Negative for a refund of a payment (listed among the payments). */
  amountFen: Type.Integer(),
  description: Type.String(),
  /** Disbursements: what it paid for (tuition, living stipend, …). */
  category: Type.Union([Type.String(), Type.Null()]),
  /** Disbursements: to whom, sponsor-safe ("the school", "the student's guardian"): never the school's name. */
  payeeLabel: Type.Union([Type.String(), Type.Null()]),
  /** Signed, short-lived link to the receipt image, when there is one. */
  receiptUrl: Type.Union([Type.String(), Type.Null()]),
  /** Payments: the number of the donation receipt (捐赠票据) the NGO issued, once recorded. */
  receiptNumber: Type.Union([Type.String(), Type.Null()]),
});
export type LedgerEntryView = Static<typeof LedgerEntryView>;

export const Ledger = Type.Object({
  sponsorshipId: Id,
  schedule: Type.Array(Type.Object({ dueOn: IsoDate, amountFen: Type.Integer(), paid: Type.Boolean() })),
  payments: Type.Array(LedgerEntryView),
  disbursements: Type.Array(LedgerEntryView),
  totals: Type.Object({ pledgedFen: Type.Integer(), paidFen: Type.Integer(), disbursedFen: Type.Integer() }),
  /** The last day the payments received so far cover, or null before the first payment. */
  fundedThrough: Type.Union([IsoDate, Type.Null()]),
  /** Online payment is not built yet: how paying works today. */
  paymentInstructions: Type.String(),
  /** The NGO's bank account, the memo reference and whom to ask. */
  payTo: PayTo,
  /** Set when the NGO takes payments in the app (sponsors only); null: bank transfer as `payTo` says. */
  onlinePayment: Type.Optional(Type.Union([OnlinePayment, Type.Null()])),
});
export type Ledger = Static<typeof Ledger>;

export const RenewBody = Type.Object({ option: literals(['to_graduation', 'one_year'] as const) }, { additionalProperties: false });
export type RenewBody = Static<typeof RenewBody>;

/** The sponsor's choice after their student left the program. `sponsor_another` carries the remaining pledge over. */
export const AfterLeavingBody = Type.Object(
  { choice: literals(['wait', 'sponsor_another', 'end'] as const), newStudentId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type AfterLeavingBody = Static<typeof AfterLeavingBody>;

/** NGO staff: the NGO's sponsorships, for recording payments and disbursements. */
export const StaffSponsorshipRow = Type.Object({
  id: Id,
  status: literals(['reserved', 'active', 'paused', 'completed', 'ended'] as const),
  studentId: Id,
  studentName: Type.String(),
  sponsorName: Type.String(),
  amountFen: Type.Integer(),
  cadence: literals(['monthly', 'quarterly', 'yearly'] as const),
  paidFen: Type.Integer(),
  disbursedFen: Type.Integer(),
  fundedThrough: Type.Union([IsoDate, Type.Null()]),
});
export type StaffSponsorshipRow = Static<typeof StaffSponsorshipRow>;

export const StaffSponsorshipPage = Page(StaffSponsorshipRow);
export type StaffSponsorshipPage = Static<typeof StaffSponsorshipPage>;

export const StaffSponsorshipQuery = PageQuery;

export const RecordPaymentBody = Type.Object(
  {
    amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    receivedOn: IsoDate,
    note: Type.Optional(Type.String({ maxLength: 200 })),
    receiptNumber: Type.Optional(ReceiptNumber),
  },
  { additionalProperties: false },
);
export type RecordPaymentBody = Static<typeof RecordPaymentBody>;

export const RecordDisbursementBody = Type.Object(
  {
    amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    occurredOn: IsoDate,
    category: literals(['tuition', 'boarding', 'living_stipend', 'books_supplies', 'transport', 'other'] as const),
    /** Who was paid, as staff record it (may name the school; sponsors see a safe label instead). */
    payee: Type.String({ minLength: 1, maxLength: 100 }),
    payeeKind: literals(['school', 'guardian', 'student', 'vendor'] as const),
    description: Type.String({ minLength: 1, maxLength: 200 }),
    /** An uploaded receipt image (POST /api/letter-photos by staff, or the receipt upload route). */
    receiptUploadId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type RecordDisbursementBody = Static<typeof RecordDisbursementBody>;

/** NGO staff record that a student left the program; their sponsor is then asked to choose. */
export const StudentLeftBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 300 }), returnExpected: Type.Boolean() },
  { additionalProperties: false },
);
export type StudentLeftBody = Static<typeof StudentLeftBody>;
