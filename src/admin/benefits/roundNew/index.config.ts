export default definePageConfig({
  navigationBarTitleText: '发放节日慰问',
})
