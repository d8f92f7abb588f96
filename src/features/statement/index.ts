export { StatementScreen } from './components/statement-screen';
