export default definePageConfig({
  navigationBarTitleText: '荣休名单',
})
