export default definePageConfig({
  navigationBarTitleText: '慰问申请审批',
  enablePullDownRefresh: true,
})
