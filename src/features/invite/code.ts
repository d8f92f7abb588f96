/** Repeated from the domain (code.test.ts checks): 8 letters or digits. */
export const INVITE_CODE_PATTERN = '^[A-Za-z0-9]{8}$';
export const INVITE_PLATFORMS = ['wechat', 'alipay', 'demo'] as const;
export type InvitePlatform = (typeof INVITE_PLATFORMS)[number];

const CODE = new RegExp(INVITE_CODE_PATTERN);

/**
 * The invite code in what was typed or scanned: a bare code, `banxue://invite/<code>`, or a link with
 * `?code=`. Spaces and dashes people add while copying are ignored. Null when it is not a code.
 */
export function parseInviteCode(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = raw.trim();
  const fromScheme = /^banxue:\/\/invite\/([^?#\s]+)/i.exec(text);
  if (fromScheme) text = fromScheme[1];
  else {
    const fromQuery = /[?&]code=([^&#\s]+)/.exec(text);
    if (fromQuery) text = fromQuery[1];
  }
  try {
    text = decodeURIComponent(text);
  } catch {
    // keep as is
  }
  text = text.replace(/[\s-]/g, '').toUpperCase();
  return CODE.test(text) ? text : null;
}
