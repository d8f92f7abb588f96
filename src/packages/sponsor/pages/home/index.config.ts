export default definePageConfig({ navigationBarTitleText: '伴学' });
