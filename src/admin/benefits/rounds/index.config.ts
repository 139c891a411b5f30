export default definePageConfig({
  navigationBarTitleText: '节日慰问',
  enablePullDownRefresh: true,
})
