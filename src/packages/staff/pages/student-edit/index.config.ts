export default definePageConfig({ navigationBarTitleText: '学生资料' });
