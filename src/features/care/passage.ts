import type { FlagCaseView } from './api';

type Finding = FlagCaseView['findings'][number];

export interface PassagePiece {
  text: string;
  /** The findings this piece lies in (empty for the words around them). */
  findings: Finding[];
}

/**
 * The student's text cut at every finding's start and end (UTF-16 offsets, end exclusive), so the
 * flagged words can be highlighted. Findings outside the text are ignored; overlapping ones both apply.
 */
export function passagePieces(text: string, findings: readonly Finding[]): PassagePiece[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, Math.floor(n)));
  const spans = findings.map((finding) => ({ finding, start: clamp(finding.start), end: clamp(finding.end) })).filter((s) => s.end > s.start);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  return cuts.slice(0, -1).flatMap((from, i) => {
    const to = cuts[i + 1];
    const over = spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.finding);
    return to > from ? [{ text: text.slice(from, to), findings: over }] : [];
  });
}
