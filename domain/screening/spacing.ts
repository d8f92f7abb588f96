/**
 * People space a passage out to slip it past a filter: "微 信", "文 县 第 三 中 学", "j a m e s",
 * "photos . app . goo . gl", "tonyho _ 1962 @ hotmail . com". `closeUpSpacing` returns the folded
 * letter without those spaces (the map to the original is kept, line breaks are never touched):
 *
 * - spaces next to a Chinese character (written Chinese has none);
 * - spaces inside a run of four or more one-character tokens ("j a m e s", "1 3 8 0");
 * - spaces around a lone @ . _ / : # between two words ("goo . gl", "tonyho _ 1962").
 */
import { type Folded } from '../text/fold';

/** The most blanks between two tokens that still count as one spaced-out word. */
const MAX_BLANKS = 2;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

function isGlue(c: number): boolean {
  return c === 0x40 || c === 0x2e || c === 0x5f || c === 0x2f || c === 0x3a || c === 0x23; // @ . _ / : #
}

/** A token with a letter, a digit or a Chinese character in it. */
function isWordy(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || isHanCode(text.charCodeAt(i))) return true;
  }
  return false;
}

export function closeUpSpacing(f: Folded): Folded {
  const { text } = f;
  if (text.indexOf(' ') < 0 && text.indexOf('\t') < 0) return f;

  // tokens: runs of non-blank characters, each line on its own
  const starts: number[] = [];
  const ends: number[] = [];
  const single: boolean[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (isBlank(c) || c === 0x0a) {
      i++;
      continue;
    }
    const start = i;
    let points = 0;
    while (i < text.length) {
      const d = text.charCodeAt(i);
      if (isBlank(d) || d === 0x0a) break;
      if (d < 0xdc00 || d > 0xdfff) points++;
      i++;
    }
    starts.push(start);
    ends.push(i);
    single.push(points === 1);
  }
  const count = starts.length;
  // tokens k and k+1 are neighbours: on one line, at most two blanks apart
  const close = (k: number) => {
    if (k + 1 >= count || starts[k + 1] - ends[k] > MAX_BLANKS) return false;
    for (let i = ends[k]; i < starts[k + 1]; i++) if (!isBlank(text.charCodeAt(i))) return false;
    return true;
  };
  // the length of the run of one-character neighbours each token belongs to
  const runLength = new Array<number>(count).fill(0);
  for (let k = 0; k < count; ) {
    let to = k;
    while (single[k] && to + 1 < count && single[to + 1] && close(to)) to++;
    for (let j = k; j <= to; j++) runLength[j] = single[k] ? to - k + 1 : 0;
    k = to + 1;
  }
  const glue = (k: number) => single[k] && isGlue(text.charCodeAt(starts[k]));
  const wordy = (k: number) => isWordy(text, starts[k], ends[k]);

  const drop = new Uint8Array(text.length);
  let dropped = false;
  for (let k = 0; k + 1 < count; k++) {
    if (!close(k)) continue;
    const chinese = isHanCode(text.charCodeAt(ends[k] - 1)) || isHanCode(text.charCodeAt(starts[k + 1]));
    const spelledOut = single[k] && single[k + 1] && runLength[k] >= 4;
    const glued =
      (glue(k) && k > 0 && close(k - 1) && wordy(k - 1) && wordy(k + 1)) ||
      (glue(k + 1) && k + 2 < count && close(k + 1) && wordy(k + 2) && wordy(k));
    if (chinese || spelledOut || glued) {
      for (let i = ends[k]; i < starts[k + 1]; i++) drop[i] = 1;
      dropped = true;
    }
  }
  if (!dropped) return f;

  const textParts: string[] = [];
  const lowerParts: string[] = [];
  const outStarts: number[] = [];
  const outEnds: number[] = [];
  for (let i = 0; i < text.length; ) {
    if (drop[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !drop[j]) {
      outStarts.push(f.starts[j]);
      outEnds.push(f.ends[j]);
      j++;
    }
    textParts.push(text.slice(i, j));
    lowerParts.push(f.lower.slice(i, j));
    i = j;
  }
  const outText = textParts.join('');
  const outLower = lowerParts.join('');
  return { text: outText, lower: outLower, starts: outStarts, ends: outEnds };
}
