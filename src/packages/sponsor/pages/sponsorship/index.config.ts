export default definePageConfig({ navigationBarTitleText: '资助详情', enablePullDownRefresh: true });
