export default definePageConfig({
  navigationBarTitleText: '困难帮扶档案',
})
