export default definePageConfig({
  navigationBarTitleText: '福利政策',
  enablePullDownRefresh: true,
})
