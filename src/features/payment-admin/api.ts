import type {
  PaymentAlertPage,
  RefundBody,
  ReconciliationReportPage,
  RunReconciliationBody,
  StaffPaymentOrderPage,
} from '../../../domain/api/payment-admin';
import type { PaymentOrderStatus, RefundView } from '../../../domain/api/payments';
import { apiClient } from '@/lib/api-client';

export type {
  PaymentAlertView,
  ReconciliationDifference,
  ReconciliationReportView,
  StaffPaymentOrderRow,
} from '../../../domain/api/payment-admin';
export type { PaymentOrderStatus, PayPlatform, RefundView } from '../../../domain/api/payments';
export type { RefundBody, RunReconciliationBody };

const PAGE_SIZE = 20;

/** The NGO's payment orders, newest first, optionally of one status. */
export function fetchPaymentOrders(status: PaymentOrderStatus | undefined, cursor: string | undefined): Promise<StaffPaymentOrderPage> {
  return apiClient.get<StaffPaymentOrderPage>('/api/staff/payment-orders', { status, cursor, limit: PAGE_SIZE });
}

/** Refunds part or all of a paid order to the sponsor; the key is the same for every retry of one refund. */
export function requestRefund(orderId: string, body: RefundBody, idempotencyKey: string): Promise<RefundView> {
  return apiClient.post<RefundView>(`/api/staff/payment-orders/${encodeURIComponent(orderId)}/refunds`, body, { idempotencyKey });
}

export function fetchPaymentAlerts(state: 'open' | 'resolved', cursor: string | undefined): Promise<PaymentAlertPage> {
  return apiClient.get<PaymentAlertPage>('/api/staff/payment-alerts', { state, cursor, limit: PAGE_SIZE });
}

export function resolvePaymentAlert(id: string, note: string, idempotencyKey: string): Promise<unknown> {
  return apiClient.post<unknown>(`/api/staff/payment-alerts/${encodeURIComponent(id)}/resolve`, { note }, { idempotencyKey });
}

export function fetchReconciliationReports(cursor: string | undefined): Promise<ReconciliationReportPage> {
  return apiClient.get<ReconciliationReportPage>('/api/staff/reconciliation-reports', { cursor, limit: PAGE_SIZE });
}

/** Fetches the platform's bill for one day again and compares it with the ledger (replaces that day's report). */
export function runReconciliation(body: RunReconciliationBody, idempotencyKey: string): Promise<unknown> {
  return apiClient.post<unknown>('/api/staff/reconciliation-reports/run', body, { idempotencyKey });
}
