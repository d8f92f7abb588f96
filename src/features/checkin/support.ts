import { assessWellbeing } from '../../../domain/wellbeing';

/**
 * Whether words a student is sending call for the support card: the same assessment the server runs
 * (domain/wellbeing), on the device, so the card shows at once, offline too. The server decides what
 * happens to the words; this only decides what the student sees.
 */
export function supportLevelOf(text: string): 'urgent' | 'concern' | null {
  const level = assessWellbeing(text).level;
  return level === 'none' ? null : level;
}
