export default definePageConfig({
  navigationBarTitleText: '微信提醒设置',
})
