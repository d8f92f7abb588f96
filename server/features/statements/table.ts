import type { Statement, StatementLine } from '../../../domain/api/statements';
import type { Locale } from '../../lib/messages';

/** Said on every statement, in Chinese first, whatever the reader's language. */
export const DISCLAIMER = [
  '本明细不是捐赠票据。捐赠票据由收款的公益机构开具。',
  'This is not a donation receipt (捐赠票据); the NGO issues receipts.',
] as const;

const WORDS = {
  'zh-CN': {
    title: (year: number) => `伴学年度资助明细 ${year}`,
    sponsor: '资助人',
    year: '年度',
    generatedOn: '生成时间',
    columns: ['日期', '类型', '金额（元）', '收款机构', '统一社会信用代码', '支付方式', '交易单号', '捐赠票据号', '学生', '来源', '备注'],
    payment: '付款',
    refund: '退款',
    selfReportedKind: '自行填报的捐赠',
    creditCodeMissing: '未登记',
    wechat: '微信支付',
    alipay: '支付宝',
    recordedByNgo: '机构登记',
    sourceBanxue: '伴学记录',
    sourceSelf: '自行填报',
    total: '伴学记录合计',
    selfTotal: '自行填报合计（不计入伴学记录合计）',
    selfHeading: '自行填报的捐赠（由资助人自行填写，未经核实，不计入伴学记录合计）',
    none: (year: number) => `${year} 年没有付款记录。`,
    truncated: '明细过长，只列出了前面的部分；合计包含全部记录。',
    page: (n: number, of: number) => `第 ${n} / ${of} 页`,
  },
  'en-US': {
    title: (year: number) => `Banxue giving statement ${year}`,
    sponsor: 'Sponsor',
    year: 'Year',
    generatedOn: 'Generated',
    columns: ['Date', 'Type', 'Amount (CNY)', 'Received by', 'Unified social credit code', 'Paid via', 'Transaction ID', 'Receipt no.', 'Student', 'Source', 'Note'],
    payment: 'Payment',
    refund: 'Refund',
    selfReportedKind: 'Gift made elsewhere',
    creditCodeMissing: 'not recorded',
    wechat: 'WeChat Pay',
    alipay: 'Alipay',
    recordedByNgo: 'Recorded by the NGO',
    sourceBanxue: 'Banxue',
    sourceSelf: 'Self-reported',
    total: 'Total recorded in Banxue',
    selfTotal: 'Self-reported subtotal (not in the Banxue total)',
    selfHeading: 'Gifts made elsewhere (self-reported, not verified, not in the Banxue total)',
    none: (year: number) => `No payments recorded in ${year}.`,
    truncated: 'This statement is too long to list in full; the totals include every entry.',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} as const;

export type StatementWords = (typeof WORDS)[Locale];
export const wordsFor = (locale: Locale): StatementWords => WORDS[locale];

/** Fen as yuan with two decimals, for files meant for spreadsheets: -12345 → "-123.45". */
export function yuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
export function shanghaiMinute(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export interface StatementDocument {
  locale: Locale;
  sponsorName: string;
  generatedAt: Date;
  statement: Statement;
}

/** One row of the file, in the order of `columns`; `amount` stays a number so each format renders it. */
export interface TableRow {
  date: string;
  kind: string;
  amountFen: number;
  receivedBy: string;
  creditCode: string;
  paidVia: string;
  transactionId: string;
  receiptNumber: string;
  student: string;
  source: string;
  note: string;
}

function lineRow(line: StatementLine, w: StatementWords): TableRow {
  return {
    date: line.occurredOn,
    kind: line.kind === 'refund' ? w.refund : w.payment,
    amountFen: line.amountFen,
    receivedBy: line.ngoName,
    creditCode: line.ngoCreditCode ?? w.creditCodeMissing,
    paidVia: line.platform ? w[line.platform] : w.recordedByNgo,
    transactionId: line.transactionId ?? '',
    receiptNumber: line.receiptNumber ?? '',
    student: line.studentDisplayName ?? '',
    source: w.sourceBanxue,
    note: '',
  };
}

/** The rows both the PDF and the CSV show: Banxue's lines, then the self-reported gifts. */
export function statementRows(doc: StatementDocument) {
  const w = wordsFor(doc.locale);
  return {
    words: w,
    lines: doc.statement.lines.map((line) => lineRow(line, w)),
    selfReported: doc.statement.selfReported.map(
      (gift): TableRow => ({
        date: gift.givenOn,
        kind: w.selfReportedKind,
        amountFen: gift.amountFen,
        receivedBy: gift.recipient,
        creditCode: '',
        paidVia: '',
        transactionId: '',
        receiptNumber: '',
        student: '',
        source: w.sourceSelf,
        note: gift.note ?? '',
      }),
    ),
  };
}
