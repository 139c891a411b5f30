export default definePageConfig({
  navigationBarTitleText: '设置福利政策',
})
