export default definePageConfig({
  navigationBarTitleText: '慰问申请',
})
