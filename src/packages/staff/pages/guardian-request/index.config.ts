export default definePageConfig({ navigationBarTitleText: '监护人的资料申请' });
