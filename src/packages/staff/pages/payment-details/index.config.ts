export default definePageConfig({ navigationBarTitleText: '转账与联系信息' });
