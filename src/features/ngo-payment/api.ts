import type { PaymentDetailsView, UpdatePaymentDetailsBody } from '../../../domain/api/ngo';
import { apiClient } from '@/lib/api-client';

export type { PaymentDetailsView, UpdatePaymentDetailsBody };

const PATH = '/api/staff/ngo/payment-details';

/** The NGO's bank-transfer details and payment contact (its staff). */
export function fetchPaymentDetails(): Promise<PaymentDetailsView> {
  return apiClient.get<PaymentDetailsView>(PATH);
}

/** Saves the whole set (the NGO admin). */
export function savePaymentDetails(body: UpdatePaymentDetailsBody): Promise<PaymentDetailsView> {
  return apiClient.put<PaymentDetailsView>(PATH, body);
}
