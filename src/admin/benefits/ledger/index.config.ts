export default definePageConfig({
  navigationBarTitleText: '福利台账',
  enablePullDownRefresh: true,
})
