import type { FastifyInstance } from 'fastify';
import { MAX_GIFTS_PER_YEAR, type NewGiftBody, type SelfReportedGift, type Statement, type StatementLinks } from '../../../domain/api/statements';
import type { PrincipalOf } from '../../access/principal';
import { signedToken, verifyFileToken } from '../../files/signed-url';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { shanghaiToday } from '../../lib/local-date';
import type { Locale } from '../../lib/messages';
import { statementCsv } from './csv';
import { statementPdf } from './pdf';
import { countGiftsInYear, giftsOfYear, statementLines, toGift } from './repository';

type Sponsor = PrincipalOf<'sponsor'>;

/** Statement links last as long as file links: long enough to tap, short enough that a forwarded one soon dies. */
export const STATEMENT_LINK_TTL_MS = 15 * 60 * 1000;
const LINK_PURPOSE = 'statement';
const FIRST_STATEMENT_DAY = '2000-01-01';
const FORMATS = ['pdf', 'csv'] as const;
type Format = (typeof FORMATS)[number];

export async function buildStatement(app: FastifyInstance, principal: Sponsor, year: number): Promise<Statement> {
  const { lines, totalFen, truncated } = await statementLines(app.db, principal, year);
  const selfReported = await giftsOfYear(app.db, principal.sponsorId, year);
  return { year, lines, totalFen, truncated, selfReported, selfReportedTotalFen: selfReported.reduce((sum, g) => sum + g.amountFen, 0) };
}

/** Links for the two files, signed for this sponsor, year and language. */
export function statementLinks(app: FastifyInstance, principal: Sponsor, year: number, locale: Locale): StatementLinks {
  const now = app.clock.now();
  const url = (format: Format) =>
    `/api/statements/${signedToken(app.config.fileUrlSecret, `${principal.sponsorId}/${year}/${format}/${locale}`, now, STATEMENT_LINK_TTL_MS, LINK_PURPOSE)}`;
  return { pdfUrl: url('pdf'), csvUrl: url('csv'), expiresAt: new Date(now.getTime() + STATEMENT_LINK_TTL_MS).toISOString() };
}

function parseSubject(subject: string) {
  const [sponsorId, yearText, format, locale] = subject.split('/');
  if (!sponsorId || !/^[0-9]{4}$/.test(yearText ?? '') || !FORMATS.includes(format as Format) || (locale !== 'zh-CN' && locale !== 'en-US')) {
    throw new AppError('FORBIDDEN');
  }
  return { sponsorId, year: Number(yearText), format: format as Format, locale: locale as Locale };
}

/** `filename` for every client, `filename*` (RFC 5987) with the Chinese name for those that read it. */
function attachment(asciiName: string, name: string): string {
  const plain = `attachment; filename="${asciiName}"`;
  return name === asciiName ? plain : `${plain}; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export interface StatementFile {
  contentType: string;
  disposition: string;
  body: Buffer;
}

/** The file a signed link names: checked, then made afresh from the sponsor's records as they are now. */
export async function statementFile(app: FastifyInstance, token: string): Promise<StatementFile> {
  const check = verifyFileToken(app.config.fileUrlSecret, token, app.clock.now(), LINK_PURPOSE);
  if (!check.ok) throw new AppError(check.reason === 'expired' ? 'STATEMENT_LINK_EXPIRED' : 'FORBIDDEN');
  const { sponsorId, year, format, locale } = parseSubject(check.key);
  const sponsor = await app.db
    .selectFrom('sponsors')
    .select(['account_id', 'display_name', 'deleted_at'])
    .where('id', '=', sponsorId)
    .executeTakeFirst();
  if (!sponsor || sponsor.deleted_at) throw new AppError('NOT_FOUND');
  // The signed link stands in for the session that asked for it.
  const principal: Sponsor = { role: 'sponsor', sponsorId, accountId: sponsor.account_id, sessionId: 'statement-link', displayName: sponsor.display_name };
  const doc = { locale, sponsorName: sponsor.display_name, generatedAt: app.clock.now(), statement: await buildStatement(app, principal, year) };
  const asciiName = `banxue-statement-${year}.${format}`;
  const name = locale === 'zh-CN' ? `伴学年度资助明细-${year}.${format}` : asciiName;
  if (format === 'csv') return { contentType: 'text/csv; charset=utf-8', disposition: attachment(asciiName, name), body: statementCsv(doc) };
  return { contentType: 'application/pdf', disposition: attachment(asciiName, name), body: await statementPdf(doc, app.config.payments.statementFont) };
}

/** Records a gift made elsewhere: a real date not after today (China), at most `MAX_GIFTS_PER_YEAR` a year. */
export async function addGift(app: FastifyInstance, principal: Sponsor, body: NewGiftBody): Promise<SelfReportedGift> {
  const now = app.clock.now();
  if (body.givenOn > shanghaiToday(now)) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'givenOn', message: 'not_future_date' }] });
  // Statements start in 2000 (`StatementYearParams`); an earlier gift could never be shown on one.
  if (body.givenOn < FIRST_STATEMENT_DAY) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'givenOn', message: 'date_before_2000' }] });
  if ((await countGiftsInYear(app.db, principal.sponsorId, Number(body.givenOn.slice(0, 4)))) >= MAX_GIFTS_PER_YEAR) throw new AppError('GIFTS_YEAR_FULL');
  const row = {
    id: newId(),
    sponsor_id: principal.sponsorId,
    given_on: body.givenOn,
    amount_fen: body.amountFen,
    recipient: body.recipient.trim(),
    note: body.note?.trim() || null,
    created_at: now.toISOString(),
  };
  await app.db.insertInto('self_reported_gifts').values(row).execute();
  return toGift(row);
}

export async function deleteGift(app: FastifyInstance, principal: Sponsor, id: string): Promise<void> {
  const result = await app.db.deleteFrom('self_reported_gifts').where('id', '=', id).where('sponsor_id', '=', principal.sponsorId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('NOT_FOUND');
}
