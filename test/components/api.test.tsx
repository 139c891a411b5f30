import { failureOf, newIdempotencyKey } from '../../src/services/api'
import { textWidth } from '../../src/services/feedback'

describe('failureOf: why a call got no answer', () => {
  it('reads WeChat’s function timeout from its error code', () => {
    // As wx.cloud.callFunction fails when the function runs past its limit (seen on WeChat, 2024).
    const error = Object.assign(new Error('cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 3 seconds'), {
      errCode: -504003,
      errMsg: 'cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 3 seconds',
    })
    expect(failureOf(error)).toMatchObject({ code: 'TIMEOUT', message: '服务处理超时，请稍后再试' })
  })

  it('reads a timeout from the message when the code is missing', () => {
    expect(failureOf({ errMsg: 'cloud.callFunction:fail Invoking task timed out after 60 seconds' }).code).toBe('TIMEOUT')
  })

  it('takes anything else as the network', () => {
    expect(failureOf({ errCode: -1, errMsg: 'cloud.callFunction:fail request:fail' })).toMatchObject({
      code: 'NETWORK',
      message: '网络不太稳定，请检查网络后重试',
    })
    expect(failureOf(new TypeError('Failed to fetch')).code).toBe('NETWORK')
    expect(failureOf(undefined).code).toBe('NETWORK')
  })
})

describe('newIdempotencyKey', () => {
  it('makes keys of 8 to 64 letters, digits, - or _, a new one each time', () => {
    const keys = Array.from({ length: 1000 }, newIdempotencyKey)
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(new Set(keys).size).toBe(1000)
  })
})

describe('textWidth: how much of a toast a message takes', () => {
  it('counts a Chinese character (or full-width punctuation) as one and a Latin letter or digit as half', () => {
    expect(textWidth('已保存')).toBe(3)
    expect(textWidth('工号为 4 到 20 位字母或数字')).toBe(13.5)
    expect(textWidth('请稍后再试，谢谢')).toBe(8)
  })
})
