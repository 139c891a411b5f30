export default definePageConfig({
  navigationBarTitleText: '行事历管理',
  enablePullDownRefresh: true,
})
