import { Cell, SearchBar, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { findDemoPeople, loginAs } from '../../services/devLogin'
import './index.scss'

/** Development login of the local host's demo mode: pick any demo person. */
export default function Login() {
  const [query, setQuery] = useState('')
  const { data: people, error, loading, reload } = useRemote(() => findDemoPeople(query), [query])
  const login = useMutation((id: string) => loginAs(id), { onSuccess: () => void Taro.reLaunch({ url: '/pages/index/index' }) })
  return (
    <Screen className="login">
      <View className="login__banner">
        <Text className="login__title">教工之家 · 演示模式</Text>
        <Text className="login__hint">本地演示环境，请任选一位演示身份登录。正式小程序中由微信身份自动识别。</Text>
      </View>
      <SearchBar placeholder="搜索姓名或工号" value={query} onChange={(value) => setQuery(value)} />
      <StateView loading={loading} error={error} empty={!people?.length} emptyText="没有找到这位演示用户" onRetry={reload}>
        <Cell.Group className="login__people">
          {people?.map((person) => (
            <Cell
              key={person.id}
              className="login__person"
              title={person.name}
              description={person.unitName}
              extra={
                person.unionOffice ? (
                  <Tag type="danger">校工会管理员</Tag>
                ) : person.bound ? (
                  <Tag background="#f5f5f7" color="#595959">会员</Tag>
                ) : (
                  <Tag type="warning">未绑定</Tag>
                )
              }
              clickable
              onClick={() => login.run(person.id)}
            />
          ))}
        </Cell.Group>
      </StateView>
    </Screen>
  )
}
