export { StudentHome, type StudentHomeProps } from './components/student-home';
export { fetchStudentProfile, type StudentProfile } from './api';
