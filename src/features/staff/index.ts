export { StaffHome, type StaffHomeProps } from './components/staff-home';
export { fetchNgoOverview, fetchStaffStudents, type StaffStudent } from './api';
