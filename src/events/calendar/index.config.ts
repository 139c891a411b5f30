export default definePageConfig({
  navigationBarTitleText: '行事历',
  enablePullDownRefresh: true,
})
