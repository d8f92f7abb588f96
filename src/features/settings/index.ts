export { LanguageSwitch } from './components/language-switch';
export { LargeTextSwitch } from './components/large-text-switch';
export { MyDataLink } from './components/my-data-link';
export { PreferencesPanel } from './components/preferences-panel';
export { SettingsLink } from './components/settings-link';
export { SettingsHeader } from './components/settings-header';
