export default definePageConfig({ navigationBarTitleText: '在线收款', enablePullDownRefresh: true });
