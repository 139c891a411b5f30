/**
 * The production entry, cloudfunctions/core/wechat.ts. wx-server-sdk stands in for the WeChat servers, which do not
 * exist here; the mock is only what the entry touches: init, database() and getWXContext().
 */
import type { CloudFunction } from '../../cloudfunctions/core/defineFunction'
import { CloudBaseStore } from '../../cloudfunctions/core/store/cloudbase'
import { wechatMain } from '../../cloudfunctions/core/wechat'

const wxContext = { OPENID: '' as string | undefined }

jest.mock('wx-server-sdk', () => ({
  __esModule: true,
  default: {
    DYNAMIC_CURRENT_ENV: Symbol('current env'),
    init: jest.fn(),
    database: () => ({ command: {}, collection: jest.fn() }),
    getWXContext: () => ({ OPENID: wxContext.OPENID }),
  },
}))

function recordingFunction() {
  const run = jest.fn<ReturnType<CloudFunction['run']>, Parameters<CloudFunction['run']>>(async () => ({ ok: true, data: null }))
  const fn: CloudFunction = { name: 'probe', actions: {}, config: { timeout: 3 }, jobs: {}, run, runJob: jest.fn() }
  return { main: wechatMain(fn), run }
}

const environmentOf = (run: ReturnType<typeof recordingFunction>['run']) => run.mock.calls[0][1]

describe('wechatMain', () => {
  it('takes the caller from getWXContext, over a CloudBase store', async () => {
    wxContext.OPENID = 'o-user'
    const { main, run } = recordingFunction()
    await main({ action: 'home', payload: {}, openid: 'o-forged' })
    expect(run.mock.calls[0][0]).toEqual({ action: 'home', payload: {}, openid: 'o-forged' })
    expect(environmentOf(run).identity).toEqual({ openid: 'o-user', trigger: undefined })
    expect(environmentOf(run).store).toBeInstanceOf(CloudBaseStore)
  })

  it('recognises a timer trigger only when no user is calling', async () => {
    wxContext.OPENID = undefined
    const timer = recordingFunction()
    await timer.main({ Type: 'Timer', TriggerName: 'jobs', Time: '2026-11-22T00:00:00Z' })
    expect(environmentOf(timer.run).identity).toEqual({ openid: undefined, trigger: 'jobs' })

    wxContext.OPENID = 'o-user'
    const user = recordingFunction()
    await user.main({ Type: 'Timer', TriggerName: 'jobs' })
    expect(environmentOf(user.run).identity).toEqual({ openid: 'o-user', trigger: undefined })
  })

  it('treats a call with neither a user nor a timer event as anonymous', async () => {
    wxContext.OPENID = ''
    const { main, run } = recordingFunction()
    await main({ action: 'home' })
    expect(environmentOf(run).identity).toEqual({ openid: undefined, trigger: undefined })
  })
})
