export default defineAppConfig({
  // Main package: only what every visitor needs before they have a role.
  pages: ['pages/launch/index', 'pages/login/index', 'pages/settings/index', 'pages/invite/index', 'pages/privacy/index'],
  // One sub-package per role home, downloaded only by people in that role.
  subPackages: [
    { root: 'packages/sponsor', pages: ['pages/home/index', 'pages/letters/index', 'pages/letter/index', 'pages/compose/index', 'pages/pool/index', 'pages/student/index', 'pages/pledge/index', 'pages/sponsorship/index', 'pages/ledger/index', 'pages/pay/index', 'pages/inbox/index', 'pages/my-data/index', 'pages/statement/index'] },
    { root: 'packages/student', pages: ['pages/home/index', 'pages/letters/index', 'pages/letter/index', 'pages/compose/index', 'pages/term-report/index'] },
    { root: 'packages/staff', pages: ['pages/home/index', 'pages/review/index', 'pages/sponsorships/index', 'pages/student/index', 'pages/student-edit/index', 'pages/queue/index', 'pages/case/index', 'pages/flag/index', 'pages/policy/index', 'pages/handovers/index', 'pages/guardian-requests/index', 'pages/guardian-request/index', 'pages/payment-details/index', 'pages/merchants/index', 'pages/payments/index'] },
  ],
  // WeChat only (Taro copies app config to Alipay as it is, and Alipay has neither): privacy APIs (photos,
  // clipboard) run only after the privacy step in features/privacy, on in every base library; and each page
  // loads only the components it uses (用时注入).
  ...(process.env.TARO_ENV === 'weapp' ? { __usePrivacyCheck__: true, lazyCodeLoading: 'requiredComponents' } : {}),
  window: {
    navigationBarTitleText: '伴学',
    navigationBarBackgroundColor: '#f7f4ef',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f7f4ef',
    backgroundTextStyle: 'dark',
  },
});
