/**
 * The yearly giving statement: how long one sponsor's PDF (pdfkit, the CJK font embedded as a subset)
 * and CSV take to build for 1, 12, 200 and 1,000 lines, in Chinese. Median and max of several runs
 * after one warm-up.
 *
 *   npm run bench:statement
 *   BENCH_RUNS=20 BANXUE_STATEMENT_FONT=/path/to/font.ttc npm run bench:statement
 */
import { loadConfig } from '../server/config';
import { statementCsv } from '../server/features/statements/csv';
import { statementPdf } from '../server/features/statements/pdf';
import type { StatementDocument } from '../server/features/statements/table';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const font = loadConfig(process.env).payments.statementFont;

function documentOf(count: number): StatementDocument {
  const lines = Array.from({ length: count }, (_, i) => ({
    id: `line-${i}`,
    kind: i % 25 === 24 ? ('refund' as const) : ('payment' as const),
    occurredOn: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    amountFen: i % 25 === 24 ? -5_000 : 25_000,
    ngoName: i % 2 ? '凉山山鹰助学服务中心' : '定西陇原助学服务中心',
    ngoCreditCode: '52513400MJ1234567F',
    platform: i % 3 === 0 ? null : i % 3 === 1 ? ('wechat' as const) : ('alipay' as const),
    transactionId: i % 3 === 0 ? null : `4200002${String(i).padStart(21, '0')}`,
    receiptNumber: i % 4 === 0 ? `JZ-2026-${String(i).padStart(5, '0')}` : null,
    studentDisplayName: ['阿依', '小梅', '海来'][i % 3],
  }));
  const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
  return {
    locale: 'zh-CN',
    sponsorName: '北京的王老师',
    generatedAt: new Date('2026-12-06T08:00:00Z'),
    statement: { year: 2026, lines, totalFen, selfReported: [], selfReportedTotalFen: 0, truncated: false },
  };
}

async function timed(run: () => Promise<unknown> | unknown): Promise<{ median: number; max: number; bytes: number }> {
  const out = await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], max: times[times.length - 1], bytes: (out as Buffer).length };
}

async function main() {
  console.log(`statement build, ${RUNS} runs each after a warm-up; font ${font}`);
  console.log('lines   PDF median   PDF max   PDF size   CSV median');
  for (const count of [1, 12, 200, 1_000]) {
    const doc = documentOf(count);
    const pdf = await timed(() => statementPdf(doc, font));
    const csv = await timed(() => statementCsv(doc));
    console.log(
      `${String(count).padStart(5)}   ${pdf.median.toFixed(0).padStart(7)} ms   ${pdf.max.toFixed(0).padStart(4)} ms   ${(pdf.bytes / 1024).toFixed(0).padStart(5)} KB   ${csv.median.toFixed(1).padStart(7)} ms`,
    );
  }
}

void main();
