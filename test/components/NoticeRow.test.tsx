import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { NoticeRow, openNotice } from '../../src/components/NoticeRow'
import { NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, type NoticeSummary } from '../../types/notices'

const NOW = new Date('2026-03-10T04:00:00Z') // 12:00 in Shanghai

function notice(overrides: Partial<NoticeSummary> = {}): NoticeSummary {
  return {
    id: 'n1',
    title: '关于开展春季健步走活动的通知',
    category: 'notice',
    pinned: false,
    publishAt: '2026-03-10T01:30:00Z', // 09:30 in Shanghai, today
    excerpt: '请各分工会于三月底前报名。',
    read: false,
    ...overrides,
  }
}

let navigateTo: jest.SpyInstance

beforeEach(() => {
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
})

afterEach(() => {
  navigateTo.mockRestore()
})

describe('NoticeRow', () => {
  it('shows the title, the excerpt and the publish time', () => {
    render(<NoticeRow notice={notice()} now={NOW} />)
    expect(screen.getByText('关于开展春季健步走活动的通知')).toBeTruthy()
    expect(screen.getByText('请各分工会于三月底前报名。')).toBeTruthy()
    expect(screen.getByText('今天 09:30')).toBeTruthy()
  })

  it('leaves the excerpt out when there is none', () => {
    const { container } = render(<NoticeRow notice={notice({ excerpt: '' })} now={NOW} />)
    expect(container.querySelector('.notice-row__excerpt')).toBeNull()
  })

  it.each(NOTICE_CATEGORIES.map((category) => [category, NOTICE_CATEGORY_LABELS[category]]))(
    'labels the %s category as %s',
    (category, label) => {
      render(<NoticeRow notice={notice({ category })} now={NOW} />)
      expect(screen.getByText(label)).toBeTruthy()
    },
  )

  it('uses the Chinese category labels', () => {
    expect(NOTICE_CATEGORY_LABELS).toEqual({ notice: '通知', publicity: '公示', event: '活动', benefit: '福利', congress: '教代会' })
  })

  it('tags a pinned notice 置顶', () => {
    render(<NoticeRow notice={notice({ pinned: true })} now={NOW} />)
    expect(screen.getByText('置顶')).toBeTruthy()
  })

  it('has no 置顶 tag when not pinned', () => {
    render(<NoticeRow notice={notice({ pinned: false })} now={NOW} />)
    expect(screen.queryByText('置顶')).toBeNull()
  })

  it('marks an unread notice with a dot and 未读', () => {
    const { container } = render(<NoticeRow notice={notice({ read: false })} now={NOW} />)
    expect(screen.getByLabelText('未读')).toBe(container.querySelector('.notice-row__dot'))
    expect(screen.getByText('未读')).toBeTruthy()
    expect(container.querySelector('.notice-row--read')).toBeNull()
  })

  it('has neither dot nor 未读 once read', () => {
    const { container } = render(<NoticeRow notice={notice({ read: true })} now={NOW} />)
    expect(screen.queryByLabelText('未读')).toBeNull()
    expect(screen.queryByText('未读')).toBeNull()
    expect(container.querySelector('.notice-row__dot')).toBeNull()
    expect(container.querySelector('.notice-row--read')).not.toBeNull()
  })

  it('opens the notice detail page when tapped', () => {
    render(<NoticeRow notice={notice({ id: 'abc_123' })} now={NOW} />)
    fireEvent.click(screen.getByText('关于开展春季健步走活动的通知'))
    expect(navigateTo).toHaveBeenCalledTimes(1)
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/notices/detail/index?id=abc_123' })
  })

  it('opens the detail page from anywhere on the row, such as the tag', () => {
    render(<NoticeRow notice={notice({ id: 'n9', pinned: true })} now={NOW} />)
    fireEvent.click(screen.getByText('置顶'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/notices/detail/index?id=n9' })
  })

  it('encodes the id in the detail URL', () => {
    render(<NoticeRow notice={notice({ id: 'a b&c=d/é' })} now={NOW} />)
    fireEvent.click(screen.getByText('关于开展春季健步走活动的通知'))
    expect(navigateTo).toHaveBeenCalledWith({ url: `/pages/notices/detail/index?id=${encodeURIComponent('a b&c=d/é')}` })
    expect(navigateTo.mock.calls[0][0].url).toBe('/pages/notices/detail/index?id=a%20b%26c%3Dd%2F%C3%A9')
  })

  it('openNotice navigates without a row', async () => {
    await openNotice('x1')
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/notices/detail/index?id=x1' })
  })
})
