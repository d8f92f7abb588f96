/** Splitting a letter's text at screening offsets (UTF-16 code units, end exclusive) for display. */

export interface Span {
  start: number;
  end: number;
}

export interface Segment<M> {
  text: string;
  /** The marks covering this segment (empty for plain text). */
  marks: M[];
}

function clamp(span: Span, length: number): Span | null {
  const start = Math.max(0, Math.min(length, Math.floor(span.start)));
  const end = Math.max(0, Math.min(length, Math.floor(span.end)));
  return end > start ? { start, end } : null;
}

/**
 * Cuts `text` at every mark's start and end; each piece lists the marks over it. Out-of-range or empty
 * spans are ignored, overlapping ones both apply.
 */
export function segmentText<M extends Span>(text: string, marks: readonly M[]): Segment<M>[] {
  const valid = marks
    .map((mark) => ({ mark, span: clamp(mark, text.length) }))
    .filter((entry): entry is { mark: M; span: Span } => entry.span !== null);
  const cuts = new Set<number>([0, text.length]);
  for (const { span } of valid) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment<M>[] = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const [from, to] = [points[i], points[i + 1]];
    const over = valid.filter(({ span }) => span.start <= from && span.end >= to).map(({ mark }) => mark);
    segments.push({ text: text.slice(from, to), marks: over });
  }
  return segments.filter((segment) => segment.text.length > 0);
}

/** Overlapping or touching spans merged, in order. */
export function mergeSpans(spans: readonly Span[], length: number): Span[] {
  const sorted = spans
    .map((span) => clamp(span, length))
    .filter((span): span is Span => span !== null)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

export const REDACTION_MARK = '■■■';

/** The text as the reader will get it when `spans` are redacted. */
export function redactText(text: string, spans: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const span of mergeSpans(spans, text.length)) {
    out += text.slice(at, span.start) + REDACTION_MARK;
    at = span.end;
  }
  return out + text.slice(at);
}
