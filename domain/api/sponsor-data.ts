import { Type, type Static } from '@sinclair/typebox';
import { PLATFORMS } from '../roles';
import { Id, IsoDate, IsoDateTime, literals } from './common';
import { SponsorshipSummary } from './homes';
import { LetterSummary, NotificationItem } from './letters';
import { Ledger } from './sponsorship';
import { SelfReportedGift } from './statements';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** The sections an export may have cut short (each has a generous cap; see `truncated`). */
export const EXPORT_SECTIONS = ['sponsorships', 'letters', 'notifications', 'sessions', 'uploads', 'giftsElsewhere'] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

/** A pledge entry of the sponsor's, in the words the sponsor sees. */
export const ExportPledge = Type.Object({ id: Id, occurredOn: IsoDate, amountFen: Type.Integer(), description: Type.String() });
export type ExportPledge = Static<typeof ExportPledge>;

/** One of the sponsor's sponsorships as their app shows it, with its pledges and its ledger. */
export const ExportSponsorship = Type.Composite([
  SponsorshipSummary,
  Type.Object({
    endDate: IsoDate,
    confirmedAt: Nullable(IsoDateTime),
    endedAt: Nullable(IsoDateTime),
    pledges: Type.Array(ExportPledge),
    ledger: Ledger,
  }),
]);
export type ExportSponsorship = Static<typeof ExportSponsorship>;

/** A letter the sponsor wrote (their own words, whatever its status) or received (as delivered: redacted passages stay ■■■). */
export const ExportLetter = Type.Composite([LetterSummary, Type.Object({ body: Type.String() })]);
export type ExportLetter = Static<typeof ExportLetter>;

/**
 * Everything Banxue holds about the signed-in sponsor, as they are allowed to see it
 * (`GET /api/sponsor/me/data`). Never a token, a token hash or a platform session key.
 */
export const SponsorDataExport = Type.Object({
  format: Type.Literal('banxue.sponsor-data.v1'),
  exportedAt: IsoDateTime,
  account: Type.Object({ id: Id, role: Type.Literal('sponsor'), locale: Type.String(), createdAt: IsoDateTime }),
  profile: Type.Object({ displayName: Type.String(), createdAt: IsoDateTime }),
  /** The WeChat / Alipay identities this account signs in with. */
  loginIdentities: Type.Array(Type.Object({ platform: literals(PLATFORMS), subject: Type.String(), createdAt: IsoDateTime })),
  /** Sign-ins: how and when, never the token. */
  sessions: Type.Array(
    Type.Object({
      method: literals(['wechat', 'alipay', 'password', 'demo'] as const),
      createdAt: IsoDateTime,
      expiresAt: IsoDateTime,
      revokedAt: Nullable(IsoDateTime),
      current: Type.Boolean(),
    }),
  ),
  sponsorships: Type.Array(ExportSponsorship),
  letters: Type.Array(ExportLetter),
  notifications: Type.Array(NotificationItem),
  /** Platform messages the sponsor agreed to receive, and how many sends each grant has left. */
  messageSubscriptions: Type.Array(
    Type.Object({ channel: literals(['wechat_subscribe', 'alipay_template'] as const), event: Type.String(), remaining: Type.Integer(), updatedAt: IsoDateTime }),
  ),
  /** What the sponsor confirmed they understood when pledging, per sponsorship. */
  pledgeAcknowledgements: Type.Array(Type.Object({ sponsorshipId: Id, acknowledgements: Type.Array(Type.String()), at: IsoDateTime })),
  /** Photos the sponsor uploaded; `letterId` null for one never attached to a letter. */
  uploads: Type.Array(Type.Object({ id: Id, createdAt: IsoDateTime, letterId: Nullable(Id) })),
  /** Gifts the sponsor made elsewhere and listed on their yearly statement, newest first. */
  giftsElsewhere: Type.Array(SelfReportedGift),
  /** Sections that reached their cap and hold only the newest rows (empty in practice). */
  truncated: Type.Array(literals(EXPORT_SECTIONS)),
});
export type SponsorDataExport = Static<typeof SponsorDataExport>;

export const DeleteAccountBody = Type.Object({}, { additionalProperties: false });
export type DeleteAccountBody = Static<typeof DeleteAccountBody>;

/** What deleting the account did. A repeat (same key, or a second request racing the first) answers the same. */
export const AccountDeleted = Type.Object({
  deletedAt: IsoDateTime,
  /** The name the NGO's records and the student's letters now show instead of the sponsor's. */
  pseudonym: Type.String(),
  endedSponsorships: Type.Integer(),
});
export type AccountDeleted = Static<typeof AccountDeleted>;
