export default definePageConfig({ navigationBarTitleText: '个案', enablePullDownRefresh: true });
