export default definePageConfig({ navigationBarTitleText: '书信审核', enablePullDownRefresh: true });
