import { act, fireEvent, render, screen } from '@testing-library/react'
import { StateView } from '../../src/components/StateView'
import { ApiError } from '../../src/services/api'

/** NutUI's Skeleton starts its animation on a 10 ms timer; let it run inside act. */
async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20))
  })
}

const content = <div data-testid="content">列表内容</div>

describe('StateView', () => {
  it('shows a skeleton while loading with nothing to show yet', async () => {
    const { container } = render(
      <StateView loading empty emptyText="暂无通知">
        {content}
      </StateView>,
    )
    await settle()
    expect(container.querySelector('.state-view--loading')).not.toBeNull()
    expect(container.querySelectorAll('.nut-skeleton')).toHaveLength(2)
    expect(screen.queryByText('暂无通知')).toBeNull()
    expect(screen.queryByTestId('content')).toBeNull()
  })

  it('keeps showing the content while loading more', () => {
    const { container } = render(
      <StateView loading empty={false} emptyText="暂无通知">
        {content}
      </StateView>,
    )
    expect(screen.getByTestId('content')).toBeTruthy()
    expect(container.querySelector('.nut-skeleton')).toBeNull()
  })

  it('asks an unbound member to bind, whatever else is going on', () => {
    render(
      <StateView loading={false} empty={false} emptyText="暂无通知" error={new ApiError('NOT_BOUND', '请先绑定')} onRetry={() => {}}>
        {content}
      </StateView>,
    )
    expect(screen.getByText('尚未绑定会员身份')).toBeTruthy()
    expect(screen.getByText(/绑定工号后即可查看工会通知/)).toBeTruthy()
    expect(screen.queryByText('重新加载')).toBeNull()
    expect(screen.queryByTestId('content')).toBeNull()
  })

  it('shows an error with a retry button that calls onRetry', () => {
    const onRetry = jest.fn()
    render(
      <StateView loading={false} empty emptyText="暂无通知" error={new ApiError('INTERNAL', '网络不太稳定，请检查网络后重试')} onRetry={onRetry}>
        {content}
      </StateView>,
    )
    expect(screen.getByText('加载失败')).toBeTruthy()
    expect(screen.getByText('网络不太稳定，请检查网络后重试')).toBeTruthy()
    expect(onRetry).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('重新加载'))
    expect(onRetry).toHaveBeenCalledTimes(1)
    expect(screen.queryByTestId('content')).toBeNull()
  })

  it('shows the error over the skeleton when a first load failed', () => {
    const { container } = render(
      <StateView loading empty emptyText="暂无通知" error={new ApiError('INTERNAL', '服务暂时不可用，请稍后再试')}>
        {content}
      </StateView>,
    )
    expect(screen.getByText('服务暂时不可用，请稍后再试')).toBeTruthy()
    expect(container.querySelector('.nut-skeleton')).toBeNull()
  })

  it('has no retry button without onRetry', () => {
    render(
      <StateView loading={false} empty emptyText="暂无通知" error={new ApiError('INTERNAL', '出错了')}>
        {content}
      </StateView>,
    )
    expect(screen.getByText('出错了')).toBeTruthy()
    expect(screen.queryByText('重新加载')).toBeNull()
  })

  it('keeps the content when loading more failed', () => {
    render(
      <StateView loading={false} empty={false} emptyText="暂无通知" error={new ApiError('INTERNAL', '出错了')} onRetry={() => {}}>
        {content}
      </StateView>,
    )
    expect(screen.getByTestId('content')).toBeTruthy()
    expect(screen.queryByText('出错了')).toBeNull()
  })

  it('shows the empty text when there is nothing', () => {
    render(
      <StateView loading={false} empty emptyText="暂无通知">
        {content}
      </StateView>,
    )
    expect(screen.getByText('暂无通知')).toBeTruthy()
    expect(screen.queryByTestId('content')).toBeNull()
  })

  it('shows the children when there is something', () => {
    render(
      <StateView loading={false} empty={false} emptyText="暂无通知">
        {content}
      </StateView>,
    )
    expect(screen.getByTestId('content').textContent).toBe('列表内容')
    expect(screen.queryByText('暂无通知')).toBeNull()
  })
})
