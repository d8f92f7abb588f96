export default definePageConfig({ navigationBarTitleText: '确认资助' });
