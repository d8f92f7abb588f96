import type { MessageKey, Translate } from '@/lib/i18n';
import { parseTerm } from './rules';

/** `2026-autumn` → "2026 年秋季学期" / "Autumn term 2026". */
export function formatTerm(t: Translate, term: string): string {
  const parsed = parseTerm(term);
  if (!parsed) return term;
  return t('termReport.termName', { year: parsed.year, season: t(`termReport.${parsed.season}` as MessageKey) });
}
