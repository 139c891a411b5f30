export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/events/index',
    'pages/messages/index',
    'pages/mine/index',
    'pages/messages/subscriptions/index',
    'pages/notices/list/index',
    'pages/notices/detail/index',
    'pages/bind/index',
    'pages/privacy/index',
    // The local host's development login: the browser build only (on WeChat the caller is the WeChat user).
    ...(process.env.TARO_ENV === 'h5' ? ['pages/login/index'] : []),
  ],
  subPackages: [
    {
      // Everything of events beyond its tab: members download it when they first open an event.
      root: 'events',
      pages: ['detail/index', 'signup/index', 'mine/index', 'checkin/index', 'calendar/index'],
    },
    {
      // 我的福利 and what later benefit pages members open.
      root: 'benefits',
      pages: ['mine/index', 'applications/index', 'apply/index'],
    },
    {
      // 教代会提案: a delegate's proposals, invitations to second, one proposal; a member's suggestions.
      root: 'proposals',
      pages: ['index/index', 'edit/index', 'detail/index'],
    },
    {
      root: 'admin',
      pages: [
        'notices/list/index',
        'notices/edit/index',
        'roles/index',
        'audit/index',
        'members/list/index',
        'members/detail/index',
        'members/import/index',
        'settings/index',
        'messages/index',
        'jobs/index',
        'events/list/index',
        'events/edit/index',
        'events/participants/index',
        'events/calendar/index',
        'benefits/policies/index',
        'benefits/policy/index',
        'benefits/ledger/index',
        'benefits/budgets/index',
        'proposals/review/index',
        'proposals/decide/index',
        'proposals/handle/index',
        'proposals/handling/index',
        'proposals/stats/index',
        'proposals/sessions/index',
        'benefits/rounds/index',
        'benefits/roundNew/index',
        'benefits/round/index',
        'benefits/handout/index',
        'benefits/applications/index',
        'benefits/application/index',
        'benefits/applyFor/index',
        'benefits/hardship/index',
        'benefits/hardshipReport/index',
        'benefits/hardshipCase/index',
        'benefits/retirements/index',
      ],
    },
  ],
  window: {
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '教工之家',
    navigationBarTextStyle: 'white',
    // Explicit, so the H5 build draws the navigation bar too (Taro hides it there by default).
    navigationStyle: 'default',
    backgroundColor: '#f5f5f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#8c8c8c',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab-home.png',
        selectedIconPath: 'assets/tab-home-active.png',
      },
      {
        pagePath: 'pages/events/index',
        text: '活动',
        iconPath: 'assets/tab-events.png',
        selectedIconPath: 'assets/tab-events-active.png',
      },
      {
        pagePath: 'pages/messages/index',
        text: '消息',
        iconPath: 'assets/tab-messages.png',
        selectedIconPath: 'assets/tab-messages-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab-mine.png',
        selectedIconPath: 'assets/tab-mine-active.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // WeChat's privacy check (onNeedPrivacyAuthorization, the agreePrivacyAuthorization button): always on since
  // October 2023 whatever this says; set so older base libraries and DevTools behave the same.
  __usePrivacyCheck__: true,
  // The H5 router's slide animation can hide a page that is returned to mid-animation (Taro 4.2 H5): off.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
})
