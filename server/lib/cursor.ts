import { AppError } from './errors';

/** Opaque keyset cursor: the sort values of the last row of the previous page. */
export function encodeCursor(values: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number | null)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values as (string | number | null)[];
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', { details: [{ field: 'cursor', message: 'cursor' }] });
}

/** Splits a `limit + 1` query result into the page and the cursor for the next one. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => (string | number | null)[]) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(cursorOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}
