export { GuardianRequestsScreen, type GuardianRequestsScreenProps } from './components/guardian-requests-screen';
export { GuardianRequestScreen, type GuardianRequestScreenProps } from './components/guardian-request-screen';
export { guardianRequestRoutes } from './routes';
export { correctForRequest } from './api';
