export default definePageConfig({ navigationBarTitleText: '书信', enablePullDownRefresh: true });
