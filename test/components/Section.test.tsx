import { fireEvent, render, screen } from '@testing-library/react'
import { Section } from '../../src/components/Section'

describe('Section', () => {
  it('shows its title and children', () => {
    render(
      <Section title="最新通知">
        <div data-testid="body">内容</div>
      </Section>,
    )
    expect(screen.getByText('最新通知')).toBeTruthy()
    expect(screen.getByTestId('body').textContent).toBe('内容')
  })

  it('has no more link unless asked for one', () => {
    const { container } = render(
      <Section title="最新通知" onMore={() => {}}>
        内容
      </Section>,
    )
    expect(container.querySelector('.section__more')).toBeNull()
  })

  it('calls onMore when the more link is tapped', () => {
    const onMore = jest.fn()
    render(
      <Section title="最新通知" more="全部" onMore={onMore}>
        内容
      </Section>,
    )
    const link = screen.getByText(/全部/)
    expect(link.textContent).toBe('全部 ›')
    fireEvent.click(link)
    expect(onMore).toHaveBeenCalledTimes(1)
  })
})
