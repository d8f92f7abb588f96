export { PaymentDetailsEditor } from './components/payment-details-editor';
export { PaymentDetailsLink, PAYMENT_DETAILS_URL } from './components/payment-details-link';
