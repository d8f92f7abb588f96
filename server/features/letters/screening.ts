import type { FastifyInstance } from 'fastify';
import { screenText } from '../../../domain/screening';
import type { Finding } from '../../../domain/screening/types';
import { wechatOpenId } from './repository';
import type { ContentSecurity } from './views';

export interface LetterScreening {
  verdict: 'pass' | 'hold';
  findings: Finding[];
  /** Set when WeChat's text check did not pass the letter (or could not be asked). */
  contentSecurity: ContentSecurity | null;
}

/**
 * Screens a letter's text: the domain rules always, and WeChat msgSecCheck when switched on. The
 * platform check fails closed: no openid, an error or a timeout all hold the letter for a caseworker.
 * Runs before the database transaction, so no transaction waits on the network.
 */
export async function screenLetter(app: FastifyInstance, text: string, writerAccountId: string): Promise<LetterScreening> {
  const result = screenText(text);
  let contentSecurity: ContentSecurity | null = null;
  const security = app.platforms.wechatSecurity;
  if (security) {
    const openid = await wechatOpenId(app.db, writerAccountId);
    if (!openid) {
      contentSecurity = 'error';
    } else {
      try {
        const verdict = await security.check(text, openid);
        if (verdict !== 'pass') contentSecurity = verdict;
      } catch (error) {
        app.log.warn({ err: error }, 'msgSecCheck failed; holding the letter for review');
        contentSecurity = 'error';
      }
    }
  }
  const hold = result.verdict === 'hold' || result.findings.length > 0 || contentSecurity !== null;
  return { verdict: hold ? 'hold' : 'pass', findings: result.findings, contentSecurity };
}
