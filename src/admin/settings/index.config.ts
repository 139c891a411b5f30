export default definePageConfig({
  navigationBarTitleText: '工会设置',
})
