export { PolicyEditor } from './components/policy-editor';
