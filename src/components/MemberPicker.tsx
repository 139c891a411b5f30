import { Cell, SearchBar } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { MemberSearch } from '../hooks/useMemberSearch'
import './MemberPicker.scss'

/** Search the roster and pick one member (`hint` says what for); once picked, who it is, with 换一位. */
export function MemberPicker({ search, hint }: { search: MemberSearch; hint: string }) {
  const { query, setQuery, found, member, setMember } = search
  if (member) {
    return (
      <View className="card member-picker__member">
        <View>
          <Text className="member-picker__name">
            {member.name}（{member.staffNo}）
          </Text>
          <Text className="card-meta">{member.unitName}</Text>
        </View>
        <Text className="member-picker__change" onClick={() => setMember(undefined)}>
          换一位
        </Text>
      </View>
    )
  }
  return (
    <>
      <SearchBar placeholder="搜索会员姓名或工号" value={query} onChange={setQuery} />
      {found.length > 0 ? (
        <Cell.Group className="member-picker__found">
          {found.map((row) => (
            <Cell key={row.id} className="member-picker__row" title={`${row.name}（${row.staffNo}）`} description={row.unitName} extra="选择" clickable onClick={() => setMember(row)} />
          ))}
        </Cell.Group>
      ) : (
        <Text className="member-picker__hint">{query.trim() ? '没有找到这位会员' : hint}</Text>
      )}
    </>
  )
}
