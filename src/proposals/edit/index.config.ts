export default definePageConfig({
  navigationBarTitleText: '写提案',
})
