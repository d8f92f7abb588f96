import { Formatter } from 'wechatpay-axios-plugin';
import type { BillLine } from './gateway';

/** A yuan amount as written in a bill (`19.99`, `0.07`, `12`) in integer fen, without floating point. */
export function yuanToFen(text: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new Error(`not a yuan amount: ${text}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** `2026-11-29 12:00:00` in China time → ISO-8601 instant. */
function chinaTimeToIso(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`not a bill time: ${text}`);
  return new Date(`${match[1]}T${match[2]}+08:00`).toISOString();
}

/**
 * Parses a WeChat Pay trade bill (`bill_type=ALL`, CSV): a header row, one row per trade or refund with
 * every field prefixed by a backtick, then a summary caption and a summary row. Paid trades become
 * `payment` lines; successful refunds `refund` lines; other rows are left out.
 */
export function parseWechatTradeBill(text: string): BillLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return [];
  const head = lines[0].split(',').map((name) => name.trim());
  const summaryAt = lines.findIndex((line, index) => index > 0 && !line.startsWith('`'));
  const rows = lines.slice(1, summaryAt === -1 ? undefined : summaryAt);
  const result: BillLine[] = [];
  for (const row of rows) {
    const cells = Formatter.castCsvLine(row, head) as Record<string, string | undefined>;
    const cell = (name: string) => {
      const value = cells[name];
      if (value === undefined) throw new Error(`bill row without ${name}`);
      return value.trim();
    };
    const base = { outTradeNo: cell('商户订单号'), platformTradeId: cell('微信订单号'), at: chinaTimeToIso(cell('交易时间')) };
    if (cell('交易状态') === 'SUCCESS') {
      result.push({ kind: 'payment', ...base, amountFen: yuanToFen(cell('订单金额')) });
    } else if (cell('交易状态') === 'REFUND' && cell('退款状态') === 'SUCCESS') {
      result.push({ kind: 'refund', ...base, amountFen: yuanToFen(cell('退款金额')), outRefundNo: cell('商户退款单号') });
    }
  }
  return result;
}
