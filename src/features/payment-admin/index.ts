export { PaymentAdmin, type PaymentAdminProps, type PaymentAdminTab } from './components/payment-admin';
export { PaymentAdminLink, PAYMENT_ADMIN_URL } from './components/payment-admin-link';
