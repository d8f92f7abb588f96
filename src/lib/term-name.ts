import { termParts } from '../../domain/terms';
import type { Translate } from './i18n';

/**
 * A term in words: `2025-2026-2` (or the older `2026-spring`) → "2025–2026 学年第二学期" /
 * "Spring term 2026 (2025–2026, term 2)". Anything that is not a term is shown as it is.
 */
export function termName(t: Translate, code: string): string {
  const parts = termParts(code);
  if (!parts) return code;
  return t(parts.half === 1 ? 'term.first' : 'term.second', { startYear: parts.startYear, endYear: parts.endYear });
}
