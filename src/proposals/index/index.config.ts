export default definePageConfig({
  navigationBarTitleText: '教代会提案',
  enablePullDownRefresh: true,
})
