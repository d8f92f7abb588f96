/**
 * Every piece of text the app shows. Each locale file is typed `Messages`, so a key cannot be
 * missing from one language; `{name}` placeholders are filled by `t(key, { name })`.
 */
export interface Messages {
  'app.name': string;

  'common.loading': string;
  'common.retry': string;
  'common.loadMore': string;
  'common.loadingMore': string;
  'common.noMore': string;
  'common.settings': string;
  'common.openSettings': string;
  'common.cancel': string;
  'common.notYet': string;
  'common.back': string;
  'common.backLabel': string;

  'errors.network': string;
  'errors.timeout': string;
  'errors.sessionExpired': string;
  'errors.rateLimited': string;
  'errors.rateLimitedSeconds': string;
  'errors.server': string;
  'errors.generic': string;

  'role.sponsor': string;
  'role.student': string;
  'role.caseworker': string;
  'role.ngo_admin': string;

  'locale.zh-CN': string;
  'locale.en-US': string;

  'launch.opening': string;

  'login.title': string;
  'login.welcome': string;
  'login.tagline': string;
  'login.wechat': string;
  'login.alipay': string;
  'login.platformCodeFailed': string;
  'login.staffTitle': string;
  'login.username': string;
  'login.password': string;
  'login.submit': string;
  'login.missingFields': string;
  'login.demoTitle': string;
  'login.demoHint': string;
  'login.demoAs': string;
  'login.demoEmpty': string;
  'login.noMethods': string;
  'login.welcomeNew': string;

  'settings.title': string;
  'settings.language': string;
  'settings.display': string;
  'settings.largeText': string;
  'settings.largeTextHint': string;
  'settings.account': string;
  'settings.notSignedIn': string;
  'settings.logout': string;
  'settings.logoutConfirmTitle': string;
  'settings.logoutConfirmBody': string;
  'settings.logoutConfirm': string;

  'sponsorship.status.reserved': string;
  'sponsorship.status.active': string;
  'sponsorship.status.paused': string;
  'sponsorship.status.completed': string;
  'sponsorship.status.ended': string;
  'sponsorship.amount.monthly': string;
  'sponsorship.amount.quarterly': string;
  'sponsorship.amount.yearly': string;
  'sponsorship.term': string;
  'sponsorship.letters': string;

  'student.age': string;
  'student.place': string;
  'grade.primary': string;
  'grade.middle': string;
  'grade.high': string;
  'grade.vocational': string;

  'sponsor.title': string;
  'sponsor.greeting': string;
  'sponsor.intro': string;
  'sponsor.ngo': string;
  'sponsor.lastHeard': string;
  'sponsor.lastHeardNever': string;
  'sponsor.nextExpected': string;
  'sponsor.nextExpectedNone': string;
  'sponsor.emptyTitle': string;
  'sponsor.emptyBody': string;

  'studentHome.title': string;
  'studentHome.greeting': string;
  'studentHome.sponsor': string;
  'studentHome.waiting': string;
  'studentHome.ngo': string;
  'studentHome.caseworker': string;
  'studentHome.noCaseworker': string;
  'studentHome.checkinNote': string;
  'studentHome.nextCheckin': string;
  'studentHome.nextCheckinAnytime': string;
  'studentHome.lastCheckin': string;
  'studentHome.checkinComing': string;

  'staff.title': string;
  'staff.counts.students': string;
  'staff.counts.sponsored': string;
  'staff.counts.waiting': string;
  'staff.counts.overdue': string;
  'staff.counts.openAlerts': string;
  'staff.caseworkers': string;
  'staff.caseworkerLoad': string;
  'staff.students': string;
  'staff.scope.label': string;
  'staff.scope.mine': string;
  'staff.scope.all': string;
  'staff.displayName': string;
  'staff.sponsored': string;
  'staff.waiting': string;
  'staff.caseworker': string;
  'staff.noCaseworker': string;
  'staff.lastHeard': string;
  'staff.lastHeardNever': string;
  'staff.emptyTitle': string;
  'staff.emptyMine': string;
  'staff.emptyAll': string;

  'silence.in_touch': string;
  'silence.overdue': string;
  'silence.lost_contact': string;

  'program.active': string;
  'program.paused': string;
  'program.left': string;
  'program.handed_over': string;
}

export type MessageKey = keyof Messages;
