export default defineAppConfig({
  pages: ['pages/launch/index'],
  subPackages: [
    { root: 'packages/sponsor', pages: ['pages/home/index'] },
    { root: 'packages/student', pages: ['pages/home/index'] },
    { root: 'packages/staff', pages: ['pages/home/index'] },
  ],
  window: {
    navigationBarTitleText: '伴学',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundTextStyle: 'light',
  },
});
