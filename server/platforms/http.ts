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

/** The response body as text, for callers that must check a signature over its exact bytes. */
export async function fetchText(url: string, init: RequestInit & { timeoutMs: number }): Promise<string> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs) });
    if (!response.ok) throw new PlatformError('unavailable', `HTTP ${response.status}`);
    return await response.text();
  } catch (error) {
    if (error instanceof PlatformError) throw error;
    throw new PlatformError('unavailable', `request failed: ${(error as Error).name}`);
  }
}

export async function fetchJson(url: string, init: RequestInit & { timeoutMs: number }): Promise<unknown> {
  const text = await fetchText(url, init);
  try {
    return JSON.parse(text);
  } catch {
    throw new PlatformError('unavailable', 'response is not JSON');
  }
}
