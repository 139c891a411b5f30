export default definePageConfig({
  navigationBarTitleText: '任务运行记录',
  enablePullDownRefresh: true,
})
