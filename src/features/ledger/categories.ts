import type { RecordDisbursementBody } from '../../../domain/api/sponsorship';
import type { MessageKey, Translate } from '@/lib/i18n';

export type DisbursementCategory = RecordDisbursementBody['category'];
export type PayeeKind = RecordDisbursementBody['payeeKind'];

/** What a disbursement can pay for; kept in step with domain/api/sponsorship.ts (categories.test.ts). */
export const DISBURSEMENT_CATEGORIES: readonly DisbursementCategory[] = ['tuition', 'boarding', 'living_stipend', 'books_supplies', 'transport', 'other'];

/** Who can be paid; kept in step with domain/api/sponsorship.ts (categories.test.ts). */
export const PAYEE_KINDS: readonly PayeeKind[] = ['school', 'guardian', 'student', 'vendor'];

/** The largest payment or disbursement the server takes, in fen (¥1,000,000). */
export const MAX_AMOUNT_FEN = 100_000_000;

/** "Tuition" / "学费"; a category the app does not know yet is shown as the server wrote it. */
export function categoryLabel(t: Translate, category: string | null | undefined): string {
  if (!category) return t('ledger.category.other');
  return (DISBURSEMENT_CATEGORIES as readonly string[]).includes(category) ? t(`ledger.category.${category}` as MessageKey) : category;
}
