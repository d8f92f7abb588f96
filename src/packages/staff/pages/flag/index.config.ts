export default definePageConfig({ navigationBarTitleText: '安危提醒', enablePullDownRefresh: true });
