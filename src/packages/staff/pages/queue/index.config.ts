export default definePageConfig({ navigationBarTitleText: '个案队列', enablePullDownRefresh: true });
