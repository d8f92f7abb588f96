export { MyDataScreen } from './components/my-data-screen';
