import { createVerify, type KeyObject } from 'node:crypto';

/** A gateway response that cannot be trusted or read: unsigned, badly signed or malformed. */
export class GatewayResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayResponseError';
  }
}

/** What the gateway answered: the method's own node or its `error_response`, parsed from the signed text. */
export interface GatewayResponse {
  node: 'response' | 'error_response';
  content: Record<string, unknown>;
}

function endOfString(text: string, quote: number): number {
  let i = quote + 1;
  while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && ' \t\n\r'.includes(text[i])) i += 1;
  return i;
}

function endOfValue(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return endOfString(text, start);
  if (first !== '{' && first !== '[') {
    let i = start;
    while (i < text.length && !',}] \t\n\r'.includes(text[i])) i += 1;
    return i;
  }
  let depth = 0;
  let i = start;
  do {
    const c = text[i];
    if (c === '"') {
      i = endOfString(text, i);
      continue;
    }
    if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') depth -= 1;
    i += 1;
  } while (depth > 0);
  return i;
}

/**
 * The top-level members of a JSON object, each value as the exact text it has in `json`.
 * `json` must already be known to parse as a JSON object.
 */
function topLevelMembers(json: string): { key: string; raw: string }[] {
  const members: { key: string; raw: string }[] = [];
  let i = skipWhitespace(json, json.indexOf('{') + 1);
  while (json[i] === '"') {
    const keyEnd = endOfString(json, i);
    const key = JSON.parse(json.slice(i, keyEnd)) as string;
    const valueStart = skipWhitespace(json, skipWhitespace(json, keyEnd) + 1);
    const valueEnd = endOfValue(json, valueStart);
    members.push({ key, raw: json.slice(valueStart, valueEnd) });
    i = skipWhitespace(json, valueEnd);
    if (json[i] === ',') i = skipWhitespace(json, i + 1);
  }
  return members;
}

/**
 * The exact text of one top-level member's value in a JSON object body, as the gateway sent it
 * (Alipay signs these bytes, so they are never re-serialized). Undefined when absent; a member
 * given twice is refused, since a parser would keep only one of them.
 */
export function rawMember(body: string, key: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new GatewayResponseError('response is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new GatewayResponseError('response is not a JSON object');
  const found = topLevelMembers(body).filter((member) => member.key === key);
  if (found.length > 1) throw new GatewayResponseError(`response has "${key}" more than once`);
  return found[0]?.raw;
}

/** `alipay.system.oauth.token` answers under `alipay_system_oauth_token_response`. */
export function responseKey(method: string): string {
  return `${method.replace(/\./g, '_')}_response`;
}

function responseNode(body: string, method: string): { node: GatewayResponse['node']; raw: string } {
  const own = rawMember(body, responseKey(method));
  if (own !== undefined) return { node: 'response', raw: own };
  const error = rawMember(body, 'error_response');
  if (error !== undefined) return { node: 'error_response', raw: error };
  throw new GatewayResponseError(`response has neither ${responseKey(method)} nor error_response`);
}

function parseNode(node: { node: GatewayResponse['node']; raw: string }): GatewayResponse {
  const content = JSON.parse(node.raw) as unknown;
  if (typeof content !== 'object' || content === null || Array.isArray(content)) throw new GatewayResponseError(`${node.node} is not an object`);
  return { node: node.node, content: content as Record<string, unknown> };
}

function rsa2Verifies(signed: string, signature: string, publicKey: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(signed, 'utf8').verify(publicKey, signature, 'base64');
  } catch {
    return false;
  }
}

/**
 * Reads a gateway response whose `sign` must be Alipay's RSA2 signature over the exact text of the
 * response node (success or error alike), checked with the Alipay public key (public-key mode).
 */
export function verifiedGatewayResponse(body: string, method: string, alipayPublicKey: KeyObject): GatewayResponse {
  const node = responseNode(body, method);
  const signRaw = rawMember(body, 'sign');
  const sign = signRaw === undefined ? undefined : (JSON.parse(signRaw) as unknown);
  if (typeof sign !== 'string' || sign === '') throw new GatewayResponseError('response is not signed');
  if (!rsa2Verifies(node.raw, sign, alipayPublicKey)) throw new GatewayResponseError('response signature does not match the Alipay public key');
  return parseNode(node);
}

/** Reads a gateway response without checking its signature (local mode without an Alipay public key). */
export function unverifiedGatewayResponse(body: string, method: string): GatewayResponse {
  return parseNode(responseNode(body, method));
}
