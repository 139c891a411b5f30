export default definePageConfig({
  navigationBarTitleText: '教工之家',
  enablePullDownRefresh: true,
})
