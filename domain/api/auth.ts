import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '../roles';
import { Id, IsoDateTime, literals } from './common';

const RoleSchema = literals(ROLES);

export const WechatLoginBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);
export type WechatLoginBody = Static<typeof WechatLoginBody>;

export const AlipayLoginBody = Type.Object(
  { authCode: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);
export type AlipayLoginBody = Static<typeof AlipayLoginBody>;

export const PasswordLoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type PasswordLoginBody = Static<typeof PasswordLoginBody>;

export const DemoLoginBody = Type.Object({ accountId: Id }, { additionalProperties: false });
export type DemoLoginBody = Static<typeof DemoLoginBody>;

export const Me = Type.Object({
  accountId: Id,
  role: RoleSchema,
  displayName: Type.String(),
  ngo: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
});
export type Me = Static<typeof Me>;

export const SessionResponse = Type.Object({
  token: Type.String(),
  expiresAt: IsoDateTime,
  /** True when a platform login created a new sponsor account. */
  isNewAccount: Type.Boolean(),
  me: Me,
});
export type SessionResponse = Static<typeof SessionResponse>;

export const DemoUser = Type.Object({
  accountId: Id,
  role: RoleSchema,
  displayName: Type.String(),
  description: Type.String(),
});
export type DemoUser = Static<typeof DemoUser>;

export const DemoUsersResponse = Type.Object({ users: Type.Array(DemoUser) });
export type DemoUsersResponse = Static<typeof DemoUsersResponse>;

export const AuthOptionsResponse = Type.Object({
  demo: Type.Boolean(),
  wechat: Type.Boolean(),
  alipay: Type.Boolean(),
  password: Type.Boolean(),
});
export type AuthOptionsResponse = Static<typeof AuthOptionsResponse>;
