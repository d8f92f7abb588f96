export { ngoCredibility, CREDIBILITY_WINDOW_DAYS, DISBURSEMENT_REPORT_DAYS } from './credibility';
export { credibilityForPages } from './for-pages';
export { MINIMUM_SAMPLE } from './metrics';
