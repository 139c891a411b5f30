export default definePageConfig({
  navigationBarTitleText: '登记领取',
  enablePullDownRefresh: true,
})
