/**
 * The event form's cover picker (src/admin/events/edit/CoverPicker.tsx): the picture as members will see it (16:9,
 * filled), with 更换图片 and 移除, or a frame to add one; never a broken picture. Picking and uploading are in
 * useEventEditor.test.tsx.
 */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { CoverPicker } from '../../src/admin/events/edit/CoverPicker'

const COVER = { fileId: 'cafe'.repeat(8), url: '/files/cafecafe?expires=1&sig=x' }

// jsdom has no IntersectionObserver, which Taro's lazily loading <Image> asks for: nothing ever comes into view.
Object.assign(globalThis, { IntersectionObserver: class { observe() {} unobserve() {} disconnect() {} } })

describe('CoverPicker', () => {
  const handlers = () => ({ onChoose: jest.fn(), onRemove: jest.fn() })

  it('without a cover offers a frame to add one, unless the form is closed', () => {
    const on = handlers()
    const { rerender } = render(<CoverPicker uploading={false} disabled={false} {...on} />)
    fireEvent.click(screen.getByText('添加封面图'))
    expect(on.onChoose).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('移除')).toBeNull()
    expect(screen.getByText(/不超过 2 MB/)).toBeTruthy()
    rerender(<CoverPicker uploading={false} disabled {...on} />)
    fireEvent.click(screen.getByText('添加封面图'))
    expect(on.onChoose).toHaveBeenCalledTimes(1)
  })

  it('shows the picture filling a 16:9 frame, with 更换图片 and 移除', () => {
    const on = handlers()
    const { container } = render(<CoverPicker cover={COVER} uploading={false} disabled={false} {...on} />)
    const picture = container.querySelector('.cover-picker__frame .cover-image__picture')!
    expect([picture.getAttribute('src'), picture.getAttribute('mode')]).toEqual([COVER.url, 'aspectFill'])
    fireEvent.click(screen.getByText('更换图片'))
    fireEvent.click(screen.getByText('移除'))
    expect([on.onChoose.mock.calls.length, on.onRemove.mock.calls.length]).toEqual([1, 1])
  })

  it('says 上传中… while a picture goes up', () => {
    render(<CoverPicker uploading disabled {...handlers()} />)
    expect(screen.getByText('上传中…')).toBeTruthy()
  })

  it('a picture that does not load leaves the frame’s words, never a broken picture', () => {
    const { container } = render(<CoverPicker cover={COVER} uploading={false} disabled={false} {...handlers()} />)
    act(() => {
      fireEvent(container.querySelector('.cover-image__picture')!, new Event('error'))
    })
    expect(container.querySelector('.cover-image')).toBeNull()
    expect(screen.getByText('封面图暂时无法预览')).toBeTruthy()
  })
})
