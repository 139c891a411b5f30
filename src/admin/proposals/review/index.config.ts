export default definePageConfig({
  navigationBarTitleText: '提案审查',
  enablePullDownRefresh: true,
})
