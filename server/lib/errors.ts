import { ERROR_STATUS, type ErrorCode } from './messages';

export interface FieldProblem {
  field: string;
  /** A keyword understood by fieldMessage(), translated when the error is sent. */
  message: string;
}

/** An error meant for the caller: the handler turns it into `{ error: { code, message } }` in their language. */
export class AppError extends Error {
  readonly statusCode: number;
  readonly details?: FieldProblem[];

  constructor(
    readonly code: ErrorCode,
    options: { details?: FieldProblem[]; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.statusCode = ERROR_STATUS[code];
    this.details = options.details;
  }
}
