export { InviteScreen, type InviteScreenProps } from './components/invite-screen';
export { InviteLink } from './components/invite-link';
export { parseInviteCode } from './code';
