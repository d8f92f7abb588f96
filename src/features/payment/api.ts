import type {
  ClientPayParams,
  CreatedPaymentOrder,
  CreatePaymentOrderBody,
  OnlinePayment,
  PaymentOrderList,
  PaymentOrderView,
  PayPlatform,
} from '../../../domain/api/payments';
import { apiClient } from '@/lib/api-client';

export type { ClientPayParams, CreatedPaymentOrder, CreatePaymentOrderBody, OnlinePayment, PaymentOrderView, PayPlatform };

const sponsorship = (id: string) => `/api/sponsor/sponsorships/${encodeURIComponent(id)}/payment-orders`;

/** Creates an order for the next `periods` unpaid periods (closing the sponsorship's previous open order) and returns how to pay it. */
export function createPaymentOrder(sponsorshipId: string, body: CreatePaymentOrderBody, idempotencyKey: string): Promise<CreatedPaymentOrder> {
  return apiClient.post<CreatedPaymentOrder>(sponsorship(sponsorshipId), body, { idempotencyKey });
}

/** One order as the server knows it (it asks the platform when the order is still being paid). */
export function fetchPaymentOrder(orderId: string): Promise<PaymentOrderView> {
  return apiClient.get<PaymentOrderView>(`/api/sponsor/payment-orders/${encodeURIComponent(orderId)}`);
}

/** The sponsorship's recent orders, newest first. */
export function fetchPaymentOrders(sponsorshipId: string): Promise<PaymentOrderView[]> {
  return apiClient.get<PaymentOrderList>(sponsorship(sponsorshipId)).then((list) => list.items);
}
