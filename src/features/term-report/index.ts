export { TermReportScreen, type TermReportScreenProps } from './components/term-report-screen';
export { TermReportsDue } from './components/term-reports-due';
