import { stringify } from 'csv-stringify/sync';
import { DISCLAIMER, shanghaiMinute, statementRows, yuan, type StatementDocument, type TableRow } from './table';

/**
 * A spreadsheet opens a cell starting with one of these as a formula; text we did not write (names,
 * notes, numbers typed by people) gets a leading apostrophe so it stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export const safeText = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

const cells = (row: TableRow) => [
  row.date,
  row.kind,
  yuan(row.amountFen),
  safeText(row.receivedBy),
  safeText(row.creditCode),
  row.paidVia,
  safeText(row.transactionId),
  safeText(row.receiptNumber),
  safeText(row.student),
  row.source,
  safeText(row.note),
];

/** The statement as CSV for Excel in China: UTF-8 with a BOM, CRLF, the disclaimer on the first lines. */
export function statementCsv(doc: StatementDocument): Buffer {
  const { words: w, lines, selfReported } = statementRows(doc);
  const { statement } = doc;
  const records: string[][] = [
    ...DISCLAIMER.map((sentence) => [sentence]),
    [w.title(statement.year)],
    [w.sponsor, safeText(doc.sponsorName)],
    [w.generatedOn, `${shanghaiMinute(doc.generatedAt)} (UTC+8)`],
    [],
    [...w.columns],
    ...(lines.length === 0 ? [[w.none(statement.year)]] : lines.map(cells)),
    ...(statement.truncated ? [[w.truncated]] : []),
    [w.total, '', yuan(statement.totalFen)],
    [],
    ...selfReported.map(cells),
    [w.selfTotal, '', yuan(statement.selfReportedTotalFen)],
  ];
  return Buffer.from(stringify(records, { bom: true, record_delimiter: 'windows' }), 'utf8');
}
