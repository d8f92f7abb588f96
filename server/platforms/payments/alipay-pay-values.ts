/** Alipay's wire values: amounts in yuan with two decimals, times as China wall-clock `yyyy-MM-dd HH:mm:ss`. */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export function yuanFromFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('amount must be whole fen');
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Exact: `"12.3"` → 1230; undefined for anything that is not a decimal amount with at most two places. */
export function fenFromYuan(yuan: string | undefined): number | undefined {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec((yuan ?? '').trim());
  if (!match) return undefined;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -fen : fen;
}

export function chinaDateTime(at: Date): string {
  const shifted = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

/** `2026-12-06 09:30:00` (China time) → ISO-8601 instant; undefined when it is not that shape. */
export function instantFromChina(text: string | undefined): string | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text.trim())) return undefined;
  const at = new Date(`${text.trim().replace(' ', 'T')}+08:00`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}
