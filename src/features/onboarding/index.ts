export { StudentRecord, type StudentRecordProps } from './components/student-record';
export { StudentForm, type StudentFormProps } from './components/student-form';
export { AddStudentButton } from './components/add-student-button';
export { onboardingRoutes, qrImageSrc } from './routes';
