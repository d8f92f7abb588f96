export { SponsorHome, type SponsorHomeProps } from './components/sponsor-home';
export { fetchSponsorships, type Sponsorship } from './api';
