import { clearSession, connectSessionToApiClient } from '@/features/auth';
import { useLetterDraftStore } from '@/features/letters';
import { DEFAULT_LOCALE, useLocaleStore } from '@/lib/i18n';
import { usePreferencesStore } from '@/lib/preferences';

/** Puts every app-wide store back to a fresh install, wired as src/app.tsx wires them. */
export function resetAppState(): void {
  clearSession();
  useLocaleStore.setState({ locale: DEFAULT_LOCALE });
  usePreferencesStore.setState({ largeText: false });
  connectSessionToApiClient();
  useLetterDraftStore.setState({ drafts: {} });
}
