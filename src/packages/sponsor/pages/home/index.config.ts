export default definePageConfig({ navigationBarTitleText: '我的资助', enablePullDownRefresh: true });
