export default definePageConfig({
  navigationBarTitleText: '福利预算',
  enablePullDownRefresh: true,
})
