export default definePageConfig({ navigationBarTitleText: '关怀规则', enablePullDownRefresh: true });
