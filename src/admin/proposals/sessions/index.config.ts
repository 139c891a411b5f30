export default definePageConfig({
  navigationBarTitleText: '教代会届次',
})
