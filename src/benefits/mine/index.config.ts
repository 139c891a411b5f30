export default definePageConfig({
  navigationBarTitleText: '我的福利',
  enablePullDownRefresh: true,
})
