export { PoolScreen, type PoolScreenProps } from './components/pool-screen';
export { StudentScreen, type StudentScreenProps, type StudentActionContext } from './components/student-screen';
export { TakenView, type TakenViewProps } from './components/taken-view';
export { PoolStudentCard, type PoolStudentCardProps } from './components/pool-student-card';
export { PoolEntry } from './components/pool-entry';
export { poolRoutes } from './routes';
export { fetchPoolStudent, type PoolStudent } from './api';
export { PoolBackLink } from './components/pool-back-link';
