import { useEffect, useState } from 'react';
import { findingMessage, screenText } from '../../../domain/screening';
import type { Locale } from '@/lib/i18n';
import type { LetterFinding } from './api';

const DEBOUNCE_MS = 400;

/**
 * Screening as the writer types: the same rules the server runs (domain/screening), on the device,
 * a moment after the text stops changing. It only warns; the server still decides when it is sent.
 */
export function useLiveScreening(text: string, locale: Locale): LetterFinding[] {
  const [findings, setFindings] = useState<LetterFinding[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => {
      setFindings(screenText(text).findings.map((f) => ({ ...f, message: findingMessage(f.category, locale) })));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, locale]);
  return findings;
}
