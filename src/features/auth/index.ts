export { AccountPanel } from './components/account-panel';
export { LaunchScreen } from './components/launch-screen';
export { LoginScreen } from './components/login-screen';
export { RequireSession } from './components/require-session';
export {
  clearSession,
  connectSessionToApiClient,
  entryRoute,
  expireSession,
  logout,
  startSession,
} from './session';
export { isSessionActive, useMe, useSessionStore, type SessionData } from './session-store';
