export { LedgerView, receiptSrc, type LedgerViewProps } from './components/ledger-view';
export { LedgerScreen, LedgerBody } from './components/ledger-screen';
export { PayToCard } from './components/pay-to-card';
export { useLedger, type LedgerState } from './use-ledger';
export { fetchLedger, type Ledger, type LedgerEntryView } from './api';
export { categoryLabel, DISBURSEMENT_CATEGORIES, PAYEE_KINDS, MAX_AMOUNT_FEN, type DisbursementCategory, type PayeeKind } from './categories';
