export default definePageConfig({ navigationBarTitleText: '等待资助的学生', enablePullDownRefresh: true });
