export { PayScreen } from './components/pay-screen';
export { NextPayment } from './components/next-payment';
export { RecentOrders } from './components/recent-orders';
export { payRoute } from './routes';
