export { StaffSponsorships, type StaffSponsorshipsProps } from './components/staff-sponsorships';
export { StaffSponsorshipsLink, STAFF_SPONSORSHIPS_URL } from './components/staff-sponsorships-link';
export { parseYuan, checkDate } from './money';
