import fs from 'node:fs';
import path from 'node:path';

const css = fs.readFileSync(path.join(__dirname, 'tokens.css'), 'utf8');
const colour = (name: string): string => {
  const found = new RegExp(`--bx-color-${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css);
  if (!found) throw new Error(`no --bx-color-${name} in tokens.css`);
  return found[1];
};

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const TEXT_COLOURS = ['text', 'text-secondary', 'text-muted', 'primary', 'accent', 'success', 'warning', 'danger', 'info', 'neutral'];

describe('colour tokens', () => {
  it('computes contrast the WCAG way', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#b8621a', '#ffffff')).toBeCloseTo(4.37, 2);
  });

  it.each(['surface', 'bg'])('every text colour reaches WCAG AA (4.5:1) on %s', (background) => {
    const below = TEXT_COLOURS.map((name) => ({ name, ratio: contrast(colour(name), colour(background)) })).filter(({ ratio }) => ratio < 4.5);
    expect(below).toEqual([]);
  });

  it('the accent amounts reach 4.5:1 on the accent tint too', () => {
    expect(contrast(colour('accent'), colour('accent-soft'))).toBeGreaterThanOrEqual(4.5);
  });
});
