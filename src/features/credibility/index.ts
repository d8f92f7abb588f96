export { CredibilityPanel, type CredibilityPanelProps } from './components/credibility-panel';
export { fetchCredibility, type NgoCredibility } from './api';
