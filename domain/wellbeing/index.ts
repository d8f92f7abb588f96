/**
 * Wellbeing assessment: reads a student's words for danger (suicidal thoughts, self-harm, abuse, forced
 * marriage, neglect, forced dropout, bullying, hopelessness) and says how soon a person must hear of it.
 * Pure and synchronous, rule-based; see docs/WELLBEING.md.
 */
import { foldText, toOriginal } from '../text/fold';
import { CATEGORY_LEVEL, higherLevel, type WellbeingAssessment, type WellbeingFinding, type WellbeingLevel } from './types';
import { runRules, type Hit, type Rule } from './rule';
import { type Lang } from './context';
import { LIFE_EN, LIFE_ZH } from './life';
import { HARM_EN, HARM_ZH } from './harm';
import { FAMILY_EN, FAMILY_ZH } from './family';

export * from './types';

const RULES: Record<Lang, Rule[]> = {
  zh: [...LIFE_ZH, ...HARM_ZH, ...FAMILY_ZH],
  en: [...LIFE_EN, ...HARM_EN, ...FAMILY_EN],
};

/** The rule sets to run: the hinted language, and any other whose script the text contains. */
export function languagesOf(text: string, hint?: Lang): Lang[] {
  const langs = new Set<Lang>(hint ? [hint] : []);
  if (/[\u3400-\u9fff]/.test(text)) langs.add('zh');
  // two English words in a Chinese text; any Latin letter in a text with no Chinese ("i'm a failure")
  if (/[a-z]{2,}[^a-z]+[a-z]{2,}/i.test(text) || (!langs.has('zh') && /[a-z]/i.test(text))) langs.add('en');
  return [...langs];
}

export function assessWellbeing(text: string, lang?: Lang): WellbeingAssessment {
  const folded = foldText(text);
  const hits: Hit[] = [];
  const src = folded.lower;
  for (const l of languagesOf(folded.text, lang)) hits.push(...runRules(RULES[l], src, l));

  // merge overlapping hits of one category (sorted by start, so only the last one can overlap)
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Hit[] = [];
  const lastOf = new Map<Hit['category'], Hit>();
  for (const h of hits) {
    const last = lastOf.get(h.category);
    if (last && h.start < last.end) last.end = Math.max(last.end, h.end);
    else {
      const copy = { ...h };
      merged.push(copy);
      lastOf.set(h.category, copy);
    }
  }

  let level: WellbeingLevel = 'none';
  const findings: WellbeingFinding[] = [];
  for (const h of merged) {
    let { start, end } = toOriginal(folded, h.start, h.end);
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end <= start) continue;
    const findingLevel = CATEGORY_LEVEL[h.category];
    level = higherLevel(level, findingLevel);
    findings.push({ category: h.category, level: findingLevel, start, end, excerpt: text.slice(start, end) });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { level, findings };
}
