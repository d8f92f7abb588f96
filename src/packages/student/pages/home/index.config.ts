export default definePageConfig({ navigationBarTitleText: '我的伴学', enablePullDownRefresh: true });
