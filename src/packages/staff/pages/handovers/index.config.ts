export default definePageConfig({ navigationBarTitleText: '转入申请', enablePullDownRefresh: true });
