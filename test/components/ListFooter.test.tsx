import { render, screen } from '@testing-library/react'
import { ListFooter } from '../../src/components/ListFooter'

describe('ListFooter', () => {
  it('renders nothing for an empty list', () => {
    const { container } = render(<ListFooter count={0} hasMore loadingMore />)
    expect(container.childElementCount).toBe(0)
    expect(container.textContent).toBe('')
  })

  it('says 加载中… while loading more', () => {
    render(<ListFooter count={20} hasMore loadingMore />)
    expect(screen.getByText('加载中…')).toBeTruthy()
  })

  it('says 上拉加载更多 when there is more', () => {
    render(<ListFooter count={20} hasMore loadingMore={false} />)
    expect(screen.getByText('上拉加载更多')).toBeTruthy()
  })

  it('says 没有更多了 at the end', () => {
    render(<ListFooter count={3} hasMore={false} loadingMore={false} />)
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })
})
