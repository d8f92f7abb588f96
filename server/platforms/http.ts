/** Errors a platform call can end in, told apart so the caller can answer the user sensibly. */
export class PlatformError extends Error {
  constructor(
    readonly kind: 'invalid_code' | 'unavailable',
    message: string,
    readonly platformCode?: string | number,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

export async function fetchJson(url: string, init: RequestInit & { timeoutMs: number }): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs) });
  } catch (error) {
    throw new PlatformError('unavailable', `request failed: ${(error as Error).name}`);
  }
  if (!response.ok) throw new PlatformError('unavailable', `HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new PlatformError('unavailable', 'response is not JSON');
  }
}
