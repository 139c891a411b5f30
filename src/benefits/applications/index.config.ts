export default definePageConfig({
  navigationBarTitleText: '我的慰问申请',
  enablePullDownRefresh: true,
})
