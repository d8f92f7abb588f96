export default definePageConfig({ navigationBarTitleText: '在线收款设置' });
