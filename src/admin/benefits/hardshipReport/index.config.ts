export default definePageConfig({
  navigationBarTitleText: '上报困难帮扶',
})
