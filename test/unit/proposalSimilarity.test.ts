/** Proposal similarity (cloudfunctions/proposals/similarity.ts): bigrams, subjects and their Dice coefficient, worked by hand. */
import { bigrams, dice, likeness, mostAlike, subjectOf } from '../../cloudfunctions/proposals/similarity'

describe('bigrams', () => {
  it('takes neighbouring Chinese characters within each run, never across punctuation, Latin or digits', () => {
    expect([...bigrams('增设停车位')]).toEqual(['增设', '设停', '停车', '车位'])
    expect([...bigrams('食堂，晚餐 2 号窗口')]).toEqual(['食堂', '晚餐', '号窗', '窗口'])
    expect([...bigrams('停车停车')]).toEqual(['停车', '车停'])
    expect(bigrams('a').size).toBe(0)
  })
})

describe('dice', () => {
  it('is twice the shared bigrams over all of both', () => {
    // 增设停车位: 增设 设停 停车 车位; 增加停车位: 增加 加停 停车 车位. Shared 2: 2·2 / (4 + 4) = 0.5.
    expect(dice(bigrams('增设停车位'), bigrams('增加停车位'))).toBe(0.5)
    expect(dice(bigrams('增设停车位'), bigrams('增设停车位'))).toBe(1)
    expect(dice(bigrams('增设停车位'), bigrams('延长图书馆开放时间'))).toBe(0)
    expect(dice(bigrams(''), bigrams('停车'))).toBe(0)
  })
})

describe('subjects', () => {
  it('drop the 关于 and the 的提案 every title has', () => {
    expect(subjectOf('关于增设教工停车位的提案')).toBe('增设教工停车位')
    expect(subjectOf('关于在图书馆增设教工研修室的建议')).toBe('在图书馆增设教工研修室')
    expect(subjectOf('关于食堂的意见建议')).toBe('食堂')
    expect(subjectOf('增设停车位')).toBe('增设停车位')
  })

  it('make two titles alike by what they are about, not by their boilerplate', () => {
    // Subjects 增设停车位 / 增加停车位: 0.5, as above. The whole titles would share 关于 于增 位的 的提 提案 besides
    // (14/18 = 0.78), and any two titles at least 关于 的提 提案.
    expect(likeness({ title: '关于增设停车位的提案', text: '' }, { title: '关于增加停车位的提案', text: '' })).toBe(0.5)
    expect(likeness({ title: '关于增设停车位的提案', text: '' }, { title: '关于延长图书馆开放的提案', text: '' })).toBe(0)
    // The text counts with the subject: 增设停车位 + 停车难 (增设 设停 停车 车位 车难: 5) against 停车位不足 + 停车难
    // (停车 车位 位不 不足 车难: 5): 停车 车位 车难 shared, 6/10 = 0.6, above the subjects' 2·2/(4+4) = 0.5.
    expect(likeness({ title: '关于增设停车位的提案', text: '停车难' }, { title: '关于停车位不足的建议', text: '停车难' })).toBe(0.6)
  })
})

describe('mostAlike', () => {
  it('keeps those at 0.25 or more, most alike first', () => {
    const titled = (title: string) => ({ title, text: '' })
    const found = mostAlike(titled('增设教工停车位'), ['增加教工停车位', '教工食堂延长供餐', '停车'], titled, 5)
    // 增设教工停车位 has 6 bigrams. 增加教工停车位: shares 教工 工停 停车 车位 (4 of 6 each): 8/12 = 0.67.
    // 停车: shares 停车 (1 of 1): 2/7 = 0.29. 教工食堂延长供餐: shares 教工 (1 of 7): 2/13 = 0.15, left out.
    expect(found).toEqual([
      { candidate: '增加教工停车位', score: 0.67 },
      { candidate: '停车', score: 0.29 },
    ])
    expect(mostAlike(titled('增设教工停车位'), ['增加教工停车位', '停车'], titled, 1)).toHaveLength(1)
  })
})
