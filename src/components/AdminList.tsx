import { View } from '@tarojs/components'
import { Fragment, useMemo, useState, type ReactNode } from 'react'
import { useShared } from '../hooks/useShared'
import type { ApiError } from '../services/api'
import { deskLayout } from '../services/layout'
import { ListFooter } from './ListFooter'
import { StateView } from './StateView'
import './AdminList.scss'

/** A column of the desk table. */
export interface Column<T> {
  title: string
  /** Its width, as a CSS grid track: '7em', '2fr', 'minmax(8em, 1fr)'. */
  width: string
  render: (row: T) => ReactNode
  /** Makes the column sortable: how two rows compare, smallest first. */
  compare?: (a: T, b: T) => number
}

/** What a list screen has loaded: a paged list (usePagedList) or a whole one (items from useRemote). */
export interface ListState<T> {
  items: T[]
  loading: boolean
  error?: ApiError
  reload: () => unknown
  hasMore?: boolean
  loadingMore?: boolean
  /** With `all`, loads every row still to come (sorting sorts them all). */
  loadMore?: (all?: boolean) => Promise<void>
}

export interface AdminListProps<T> {
  list: ListState<T>
  rowKey: (row: T) => string
  /** The table's columns at a desk. */
  columns: Column<T>[]
  /** A row as a phone shows it: a card. */
  card: (row: T) => ReactNode
  /** Opens a row (tapping its card or its table row). */
  onOpen?: (row: T) => void
  emptyText: string
}

const collator = typeof Intl !== 'undefined' ? new Intl.Collator('zh-Hans-CN') : undefined

/** Compares Chinese text the way a reader expects (by pinyin where the runtime knows it). */
export const byText = (a: string, b: string) => (collator ? collator.compare(a, b) : a < b ? -1 : a > b ? 1 : 0)

interface Sort {
  column: number
  descending: boolean
}

/**
 * Every admin list, one way: on a phone, a card a row; at a desk, a dense table with columns, sorting where a column
 * says how, and bigger pages (usePagedList). Loading, empty and error states and the footer as on every list.
 */
export function AdminList<T>({ list, rowKey, columns, card, onOpen, emptyText }: AdminListProps<T>) {
  const desk = useShared(deskLayout)
  return (
    <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText={emptyText} onRetry={() => void list.reload()}>
      {desk ? (
        <Table list={list} rowKey={rowKey} columns={columns} onOpen={onOpen} />
      ) : (
        list.items.map((row) => <Fragment key={rowKey(row)}>{card(row)}</Fragment>)
      )}
      <ListFooter count={list.items.length} hasMore={list.hasMore ?? false} loadingMore={list.loadingMore ?? false} />
    </StateView>
  )
}

function Table<T>({ list, rowKey, columns, onOpen }: Pick<AdminListProps<T>, 'list' | 'rowKey' | 'columns' | 'onOpen'>) {
  const [sort, setSort] = useState<Sort>()
  const compare = sort && columns[sort.column].compare
  const rows = useMemo(() => {
    if (!sort || !compare) return list.items
    const sign = sort.descending ? -1 : 1
    return [...list.items].sort((a, b) => sign * compare(a, b))
  }, [list.items, sort, compare])
  const tracks = { gridTemplateColumns: columns.map((column) => column.width).join(' ') }

  const sortBy = async (column: number) => {
    // A sort orders every row, not only the ones loaded so far.
    if (list.hasMore) await list.loadMore?.(true)
    setSort((previous) => ({ column, descending: previous?.column === column ? !previous.descending : false }))
  }

  return (
    <View className="admin-table">
      <View className="admin-table__row admin-table__row--head" style={tracks}>
        {columns.map((column, index) => (
          <View
            key={column.title}
            className={`admin-table__head${column.compare ? ' admin-table__head--sortable' : ''}`}
            onClick={column.compare ? () => void sortBy(index) : undefined}
          >
            {column.title}
            {column.compare && <View className="admin-table__sort">{sort?.column === index ? (sort.descending ? '▼' : '▲') : '⇅'}</View>}
          </View>
        ))}
      </View>
      {rows.map((row) => (
        <View
          key={rowKey(row)}
          className={`admin-table__row${onOpen ? ' admin-table__row--open' : ''}`}
          style={tracks}
          onClick={onOpen ? () => onOpen(row) : undefined}
        >
          {columns.map((column) => (
            <View key={column.title} className="admin-table__cell">
              {column.render(row)}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
