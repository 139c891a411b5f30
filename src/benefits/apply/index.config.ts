export default definePageConfig({
  navigationBarTitleText: '申请慰问',
})
