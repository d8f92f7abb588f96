import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { STORAGE_KEYS, taroJSONStorage } from './storage';

interface PreferencesState {
  /** Mini-programs do not scale px with the system font size, so the app offers its own switch. */
  largeText: boolean;
  setLargeText: (largeText: boolean) => void;
}

export const usePreferencesStore = create<PreferencesState>()(
  persist(
    (set) => ({
      largeText: false,
      setLargeText: (largeText) => set({ largeText }),
    }),
    {
      name: STORAGE_KEYS.preferences,
      storage: taroJSONStorage,
      version: 1,
      partialize: (state) => ({ largeText: state.largeText }),
    },
  ),
);
