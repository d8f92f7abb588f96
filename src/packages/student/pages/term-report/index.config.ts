export default definePageConfig({ navigationBarTitleText: '学期报告', enablePullDownRefresh: true });
