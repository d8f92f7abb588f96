import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { translate, LOCALES, type MessageKey } from '@/lib/i18n';
import { modalButtonFits } from './test-data';

const COMPONENTS = join(__dirname, 'components');
const BUTTON_KEY = /(?:confirmText|cancelText):\s*t\('([\w.]+)'\)/g;

/** Every catalog key the care screens pass to a dialog button, read from their source. */
function dialogButtonKeys(): MessageKey[] {
  const keys = new Set<string>();
  for (const file of readdirSync(COMPONENTS).filter((name) => name.endsWith('.tsx') && !name.endsWith('.test.tsx'))) {
    for (const match of readFileSync(join(COMPONENTS, file), 'utf8').matchAll(BUTTON_KEY)) keys.add(match[1]);
  }
  return [...keys].sort() as MessageKey[];
}

describe('dialog buttons', () => {
  it('finds the buttons of every confirmation in the care screens', () => {
    expect(dialogButtonKeys()).toEqual(
      expect.arrayContaining(['common.cancel', 'care.confirmTakeOn', 'care.confirmRecord', 'care.confirmClose', 'care.confirmCallGuardian', 'care.confirmResolve', 'care.confirmDone']),
    );
  });

  it.each(LOCALES)('fit the platform’s limit (4 Chinese or 8 ASCII characters) in %s', (locale) => {
    const texts = dialogButtonKeys().map((key) => ({ key, text: translate(locale, key) }));
    expect(texts.filter(({ key, text }) => text === key || !modalButtonFits(text))).toEqual([]);
  });

  it('measures Chinese as two and ASCII as one', () => {
    expect(['确认结束', 'Take on', 'Continue', '仍要拨打'].every(modalButtonFits)).toBe(true);
    expect(['确认结束吗', 'Take it on', '', 'OK确认结束'].some(modalButtonFits)).toBe(false);
  });
});
