import { AppError } from './errors';

/** What each position of a cursor holds: a text sort value (instants, ids) or a small integer. */
export type CursorPart = 'text' | 'integer';

type CursorValues<Shape extends readonly CursorPart[]> = { -readonly [I in keyof Shape]: Shape[I] extends 'integer' ? number : string };

const MAX_TEXT_LENGTH = 200;

/** Opaque keyset cursor: the sort values of the last row of the previous page. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

function fits(value: unknown, part: CursorPart): boolean {
  if (part === 'integer') return Number.isSafeInteger(value);
  return typeof value === 'string' && value.length <= MAX_TEXT_LENGTH && !value.includes('\u0000');
}

/**
 * The sort values a cursor carries, each checked against the shape the list orders by before it
 * can reach SQL; anything else is the client's mistake (400 naming `cursor`).
 */
export function decodeCursor<const Shape extends readonly CursorPart[]>(cursor: string | undefined, shape: Shape): CursorValues<Shape> | undefined {
  if (cursor === undefined) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // not JSON: refused below
  }
  if (Array.isArray(values) && values.length === shape.length && values.every((value, i) => fits(value, shape[i]))) {
    return values as CursorValues<Shape>;
  }
  throw new AppError('VALIDATION_FAILED', { details: [{ field: 'cursor', message: 'cursor' }] });
}

/** Splits a `limit + 1` query result into the page and the cursor for the next one. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(cursorOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}
