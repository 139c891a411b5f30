/** WeChat's subscription-message field rules, one type at a time: values are fitted, never refused (47003). */
import { fitField } from '../../cloudfunctions/messages/fields'

describe('fitField', () => {
  it('thing: 20 characters at most, cut with …', () => {
    expect(fitField('thing', '关于举办教职工气排球比赛的通知')).toBe('关于举办教职工气排球比赛的通知')
    expect(fitField('thing', '关于举办2026年教职工气排球比赛暨迎新年联谊活动的通知')).toBe('关于举办2026年教职工气排球比赛暨迎…')
    expect([...fitField('thing', '一'.repeat(30))]).toHaveLength(20)
    expect(fitField('thing', '  第一行\n第二行  ')).toBe('第一行 第二行')
  })

  it('name: 10 Chinese characters, or 20 letters, with no room for an ellipsis', () => {
    expect(fitField('name', '周建华')).toBe('周建华')
    expect(fitField('name', '阿卜杜热合曼·买买提艾力江')).toBe('阿卜杜热合曼·买买提')
    expect(fitField('name', 'Alexander Hamilton-Smithson')).toBe('Alexander Hamilton-S')
  })

  it('phrase: 5 Chinese characters and nothing else', () => {
    expect(fitField('phrase', '通知')).toBe('通知')
    expect(fitField('phrase', '待审核（2）')).toBe('待审核')
    expect(fitField('phrase', '报名成功并已缴费')).toBe('报名成功并')
  })

  it('character_string: 32 digits, letters or symbols, Chinese dropped', () => {
    expect(fitField('character_string', 'NO.2026-1120')).toBe('NO.2026-1120')
    expect(fitField('character_string', '编号 A-001 号')).toBe('A-001')
    expect(fitField('character_string', 'x'.repeat(40))).toBe(`${'x'.repeat(29)}...`)
  })

  it('number: digits (and a point), 32 at most', () => {
    expect(fitField('number', '共 200 人')).toBe('200')
    expect(fitField('number', '3.5')).toBe('3.5')
    expect(fitField('number', '9'.repeat(40))).toBe('9'.repeat(32))
  })

  it('letter: letters only, 32 at most', () => {
    expect(fitField('letter', 'A组-1')).toBe('A')
    expect(fitField('letter', 'ab'.repeat(20))).toBe('ab'.repeat(16))
  })

  it('symbol: 5 symbols at most', () => {
    expect(fitField('symbol', '★★★')).toBe('★★★')
    expect(fitField('symbol', '→→→→→→→')).toBe('→→→→→')
  })

  it('phone_number: 17 digits and phone symbols at most', () => {
    expect(fitField('phone_number', '0572-2321234')).toBe('0572-2321234')
    expect(fitField('phone_number', '电话：138 0000 1234')).toBe('138 0000 1234')
    expect(fitField('phone_number', '1'.repeat(20))).toBe('1'.repeat(17))
  })

  it('amount: one currency symbol and at most ten digits, or ending in 元', () => {
    expect(fitField('amount', '200')).toBe('¥200')
    expect(fitField('amount', '¥150.00')).toBe('¥150.00')
    expect(fitField('amount', '1500元')).toBe('1500元')
    expect(fitField('amount', '蛋糕卡 200 元')).toBe('200元')
    expect(fitField('amount', '12345678901234')).toBe('¥1234567890')
  })

  it('time: an ISO time as a Shanghai 24-hour time, a range joined by ~', () => {
    expect(fitField('time', '2026-11-20T02:00:00.000Z')).toBe('2026年11月20日 10:00')
    expect(fitField('time', '2026-12-06T00:30:00.000Z~2026-12-06T08:00:00.000Z')).toBe('2026年12月6日 08:30~2026年12月6日 16:00')
    expect(fitField('time', '15:01')).toBe('15:01')
  })

  it('date: an ISO time as a Shanghai date (the day it is there)', () => {
    expect(fitField('date', '2026-11-20T17:00:00.000Z')).toBe('2026年11月21日')
    expect(fitField('date', '2026年3月1日')).toBe('2026年3月1日')
  })
})
