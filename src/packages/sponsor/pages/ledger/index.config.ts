export default definePageConfig({ navigationBarTitleText: '账目', enablePullDownRefresh: true });
