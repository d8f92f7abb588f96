export default definePageConfig({ navigationBarTitleText: '资助与账目', enablePullDownRefresh: true });
