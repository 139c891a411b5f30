import { act, fireEvent, screen } from '@testing-library/react'
import { View } from '@tarojs/components'
import { AdminList, byText, type Column, type ListState } from '../../src/components/AdminList'
import { deskLayout } from '../../src/services/layout'
import { renderPage, settle } from './page'

interface Member {
  id: string
  name: string
  unit: string
}

const MEMBERS: Member[] = [
  { id: 'm1', name: '周建华', unit: '机关第一分工会' },
  { id: 'm2', name: '艾小青', unit: '文学院分工会' },
  { id: 'm3', name: '沈丽萍', unit: '机关第一分工会' },
]

const COLUMNS: Column<Member>[] = [
  { title: '姓名', width: '6em', render: (member) => member.name, compare: (a, b) => byText(a.name, b.name) },
  { title: '分工会', width: '1fr', render: (member) => member.unit },
]

function list(overrides: Partial<ListState<Member>> = {}): ListState<Member> {
  return { items: MEMBERS, loading: false, reload: jest.fn(), hasMore: false, loadingMore: false, ...overrides }
}

const card = (member: Member) => <View className="test-card">{member.name}</View>

/** The text of each body row of the table, cell by cell. */
const tableRows = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('.admin-table__row:not(.admin-table__row--head)')).map((row) =>
    Array.from(row.children).map((cell) => cell.textContent),
  )

const atDesk = (desk: boolean) => act(() => deskLayout.set(desk))

afterEach(() => atDesk(false))

describe('AdminList', () => {
  it('shows a card a row on a phone', async () => {
    const { container } = await renderPage(<AdminList list={list()} rowKey={(member) => member.id} columns={COLUMNS} card={card} emptyText="没有会员" />)
    expect(Array.from(container.querySelectorAll('.test-card')).map((node) => node.textContent)).toEqual(['周建华', '艾小青', '沈丽萍'])
    expect(container.querySelector('.admin-table')).toBeNull()
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })

  it('shows a table at a desk, its columns in order, and opens a row', async () => {
    atDesk(true)
    const open = jest.fn()
    const { container } = await renderPage(
      <AdminList list={list()} rowKey={(member) => member.id} columns={COLUMNS} card={card} onOpen={open} emptyText="没有会员" />,
    )
    expect(container.querySelector('.test-card')).toBeNull()
    expect(Array.from(container.querySelectorAll('.admin-table__head')).map((head) => head.textContent)).toEqual(['姓名⇅', '分工会'])
    expect(tableRows(container)).toEqual([
      ['周建华', '机关第一分工会'],
      ['艾小青', '文学院分工会'],
      ['沈丽萍', '机关第一分工会'],
    ])
    fireEvent.click(screen.getByText('艾小青'))
    expect(open).toHaveBeenCalledWith(MEMBERS[1])
  })

  it('sorts by a column that says how, then the other way round', async () => {
    atDesk(true)
    const { container } = await renderPage(<AdminList list={list()} rowKey={(member) => member.id} columns={COLUMNS} card={card} emptyText="没有会员" />)
    fireEvent.click(screen.getByText('姓名'))
    await settle()
    // By pinyin: Ài, Shěn, Zhōu.
    expect(tableRows(container).map(([name]) => name)).toEqual(['艾小青', '沈丽萍', '周建华'])
    expect(container.querySelector('.admin-table__sort')?.textContent).toBe('▲')

    fireEvent.click(screen.getByText('姓名'))
    await settle()
    expect(tableRows(container).map(([name]) => name)).toEqual(['周建华', '沈丽萍', '艾小青'])
    expect(container.querySelector('.admin-table__sort')?.textContent).toBe('▼')

    // A column without a comparison does nothing.
    fireEvent.click(screen.getByText('分工会'))
    await settle()
    expect(tableRows(container).map(([name]) => name)).toEqual(['周建华', '沈丽萍', '艾小青'])
  })

  it('loads every row still to come before sorting', async () => {
    atDesk(true)
    const loadMore = jest.fn(async () => undefined)
    await renderPage(<AdminList list={list({ hasMore: true, loadMore })} rowKey={(member) => member.id} columns={COLUMNS} card={card} emptyText="没有会员" />)
    fireEvent.click(screen.getByText('姓名'))
    await settle()
    expect(loadMore).toHaveBeenCalledWith(true)
  })

  it('says so when there is nothing', async () => {
    atDesk(true)
    const { container } = await renderPage(<AdminList list={list({ items: [] })} rowKey={(member) => member.id} columns={COLUMNS} card={card} emptyText="没有会员" />)
    expect(screen.getByText('没有会员')).toBeTruthy()
    expect(container.querySelector('.admin-table')).toBeNull()
  })
})
