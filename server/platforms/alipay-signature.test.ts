import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { GatewayResponseError, rawMember, unverifiedGatewayResponse, verifiedGatewayResponse } from './alipay-signature';

const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const METHOD = 'alipay.system.oauth.token';

const rsa2 = (text: string, key: KeyObject = alipay.privateKey) => createSign('RSA-SHA256').update(text, 'utf8').sign(key, 'base64');

describe('rawMember: the exact text of a top-level value', () => {
  it('keeps nested objects, escaped quotes, Chinese text and spacing as sent', () => {
    const node = '{ "open_id" : "074a\\"b", "nested": {"list": [1, {"x": "}]"}], "msg": "授权码\\u0063ode无效 \\\\"}, "n": -1.5e3 }';
    const body = `{"sign":"abc==" ,\n  "alipay_system_oauth_token_response":${node}, "tail": [true, null]}`;
    expect(rawMember(body, 'alipay_system_oauth_token_response')).toBe(node);
    expect(rawMember(body, 'sign')).toBe('"abc=="');
    expect(rawMember(body, 'tail')).toBe('[true, null]');
    expect(rawMember(body, 'missing')).toBeUndefined();
  });

  it('is not fooled by a key name or "sign" written inside a string value', () => {
    const node = '{"sub_msg":"\\"sign\\":\\"x\\", \\"alipay_system_oauth_token_response\\":{}"}';
    const body = `{"error_response":${node},"sign":"real"}`;
    expect(rawMember(body, 'error_response')).toBe(node);
    expect(rawMember(body, 'alipay_system_oauth_token_response')).toBeUndefined();
    expect(rawMember(body, 'sign')).toBe('"real"');
  });

  it('refuses a body that is not a JSON object, or that gives a member twice', () => {
    expect(() => rawMember('<html>502</html>', 'sign')).toThrow(new GatewayResponseError('response is not JSON'));
    expect(() => rawMember('["sign"]', 'sign')).toThrow('response is not a JSON object');
    expect(() => rawMember('{"sign":"a","sign":"b"}', 'sign')).toThrow('response has "sign" more than once');
  });
});

describe('verifiedGatewayResponse', () => {
  const node = '{"open_id":"074alice","access_token":"tok-1","note":"一切安好 \\"ok\\""}';

  it('accepts a node signed with the Alipay key over its exact text, and returns what that text says', () => {
    const spaced = '{ "open_id": "074alice" ,"nested": { "a": [1, 2] } }';
    for (const signedNode of [node, spaced]) {
      const body = `{"alipay_system_oauth_token_response":${signedNode},"sign":"${rsa2(signedNode)}","alipay_cert_sn":"sn"}`;
      expect(verifiedGatewayResponse(body, METHOD, alipay.publicKey)).toEqual({ node: 'response', content: JSON.parse(signedNode) });
    }
  });

  it('accepts a signed error_response as the error it is', () => {
    const error = '{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.code-invalid","sub_msg":"授权码code无效"}';
    const body = `{"error_response":${error},"sign":"${rsa2(error)}"}`;
    expect(verifiedGatewayResponse(body, METHOD, alipay.publicKey)).toEqual({ node: 'error_response', content: JSON.parse(error) });
  });

  it.each([
    ['a tampered node', `{"alipay_system_oauth_token_response":${node.replace('074alice', '074mallory')},"sign":"${rsa2(node)}"}`, 'response signature does not match the Alipay public key'],
    ['a signature by another key', `{"alipay_system_oauth_token_response":${node},"sign":"${rsa2(node, stranger.privateKey)}"}`, 'response signature does not match the Alipay public key'],
    ['a signature that is not base64 RSA', `{"alipay_system_oauth_token_response":${node},"sign":"not a signature"}`, 'response signature does not match the Alipay public key'],
    ['no sign', `{"alipay_system_oauth_token_response":${node}}`, 'response is not signed'],
    ['an empty sign', `{"alipay_system_oauth_token_response":${node},"sign":""}`, 'response is not signed'],
    ['a sign that is not a string', `{"alipay_system_oauth_token_response":${node},"sign":["${rsa2(node)}"]}`, 'response is not signed'],
    ['a second, forged copy of the node', `{"alipay_system_oauth_token_response":${node},"alipay_system_oauth_token_response":{"open_id":"074mallory"},"sign":"${rsa2(node)}"}`, 'more than once'],
    ['neither node', `{"other_response":${node},"sign":"${rsa2(node)}"}`, 'neither alipay_system_oauth_token_response nor error_response'],
    ['a node that is not an object', `{"alipay_system_oauth_token_response":"x","sign":"${rsa2('"x"')}"}`, 'response is not an object'],
  ])('refuses %s', (_case, body, problem) => {
    expect(() => verifiedGatewayResponse(body, METHOD, alipay.publicKey)).toThrow(GatewayResponseError);
    expect(() => verifiedGatewayResponse(body, METHOD, alipay.publicKey)).toThrow(problem);
  });

  it('without a key (local mode) reads the node and ignores the signature', () => {
    expect(unverifiedGatewayResponse(`{"alipay_system_oauth_token_response":${node}}`, METHOD)).toEqual({ node: 'response', content: JSON.parse(node) });
    expect(() => unverifiedGatewayResponse('{"sign":"x"}', METHOD)).toThrow(GatewayResponseError);
  });
});
