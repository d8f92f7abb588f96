import '@testing-library/jest-dom';
// Staff pages register their text when they load; components are rendered here without their page.
import '@/lib/i18n/staff/register';
import { resetAppState } from './app-state';
import { resetTaroMock } from './taro-mock';

// Replaced at build time by config/index.ts; tests talk to a made-up origin.
(globalThis as { BANXUE_API_BASE_URL?: string }).BANXUE_API_BASE_URL = 'http://api.test';

beforeEach(() => {
  // Stores first (resetting them writes to storage), then a clean device.
  resetAppState();
  resetTaroMock();
});
