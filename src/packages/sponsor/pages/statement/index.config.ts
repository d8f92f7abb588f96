export default definePageConfig({ navigationBarTitleText: '年度资助明细', enablePullDownRefresh: true });
