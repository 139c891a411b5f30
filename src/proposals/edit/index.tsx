import { Button, Checkbox, Input, Popup, SearchBar, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ChoiceChips, choicesOf } from '../../components/ChoiceChips'
import { FormField } from '../../components/FormField'
import { ProofImages } from '../../components/ProofImages'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { proposalUrl, useDelegates, useDraft, useProposalSession } from '../../hooks/useProposals'
import { decodedParam } from '../../services/checkIn'
import { PROPOSAL_CATEGORY_LABELS, PROPOSAL_IMAGES_MAX, PROPOSAL_TEXT_MAX, PROPOSAL_TITLE_MAX } from '../../../types/proposals'
import { formatDateTime } from '../../../types/time'
import './index.scss'

/** Whom to invite: the session's delegates, found by name or staff number, ticked. */
function DelegatePicker({
  sessionId,
  delegation,
  needed,
  visible,
  busy,
  onClose,
  onInvite,
}: {
  sessionId?: string
  /** A joint proposal's 代表团: only its delegates, to sign it. */
  delegation?: string
  needed: number
  visible: boolean
  busy: boolean
  onClose: () => void
  onInvite: (ids: string[]) => void
}) {
  const [query, setQuery] = useState('')
  const [picked, setPicked] = useState<string[]>([])
  const delegates = useDelegates(visible ? sessionId : undefined, query.trim(), delegation !== undefined)
  return (
    <Popup visible={visible} position="bottom" round closeable onClose={onClose} className="delegate-picker">
      <View className="delegate-picker__body">
        <Text className="delegate-picker__title">{delegation ? `邀请${delegation}代表联名（至少 ${needed} 位）` : `邀请代表附议（至少 ${needed} 位）`}</Text>
        <SearchBar placeholder="搜索代表姓名或工号" value={query} onChange={setQuery} />
        <Checkbox.Group value={picked} onChange={(value) => setPicked(value as string[])} className="delegate-picker__list">
          {(delegates.data ?? []).map((option) => (
            <Checkbox key={option.memberId} value={option.memberId} className="delegate-picker__row" label={`${option.name}（${option.unitName}）`} />
          ))}
        </Checkbox.Group>
        {delegates.data?.length === 0 && <Text className="delegate-picker__hint">没有找到这位代表</Text>}
        <Button type="primary" block loading={busy} disabled={picked.length === 0} className="delegate-picker__send" onClick={() => onInvite(picked)}>
          发出邀请{picked.length ? `（${picked.length} 位）` : ''}
        </Button>
      </View>
    </Popup>
  )
}

/** 写提案 / 提意见建议: the draft saves itself as it is typed; then to the seconders (a proposal) or submitted (a suggestion). */
export default function EditProposal() {
  const id = decodedParam(useRouter().params.id) || undefined
  const session = useProposalSession()
  // What it files as: as the function last answered, or (before the first save) as the session says.
  const collectingFor = session.data?.delegate && session.data.collecting ? session.data.id : undefined
  const { text, change, addImage, addingImage, saved, loaded, savedAt, saveNow, invite, submit, busy, similar } = useDraft(id, collectingFor, Boolean(collectingFor && session.data?.myDelegation))
  const [picking, setPicking] = useState(false)
  const proposal = saved ? saved.kind === 'proposal' : collectingFor !== undefined
  useEffect(() => void Taro.setNavigationBarTitle({ title: proposal ? '写提案' : '提意见建议' }), [proposal])
  if (!loaded || session.loading) return <Screen className="proposal-edit">{null}</Screen>
  // Without the session it cannot say whether this files as a proposal: it says so, rather than guess a suggestion.
  if (session.error && !saved) {
    return (
      <Screen className="proposal-edit">
        <StateView loading={false} error={session.error} empty emptyText="" onRetry={session.reload}>
          {null}
        </StateView>
      </Screen>
    )
  }
  return (
    <Screen className="proposal-edit">
      {!proposal && (
        <View className="card proposal-edit__notice">
          <Text>您不是本届教代会代表，或本届提案征集已截止：将作为意见建议提交，不需要附议，由校工会答复或转交相关部门办理。</Text>
        </View>
      )}
      <View className="card">
        <FormField label="标题" help="一事一案：一份提案只写一件事。">
          <Input className="field-input" placeholder="例如：关于增设教工停车位的提案" value={text.title} maxLength={PROPOSAL_TITLE_MAX} onChange={(title) => change({ title })} />
        </FormField>
        <FormField label="类别">
          <ChoiceChips value={text.category} options={choicesOf(PROPOSAL_CATEGORY_LABELS)} onChange={(category) => change({ category })} />
        </FormField>
        {proposal && session.data?.myDelegation && (
          <FormField label="提案方式" help={text.joint ? `由${session.data.myDelegation}的代表联名提出，联名代表即附议代表。` : '个人提案：邀请本届任意代表附议。'}>
            <ChoiceChips
              value={text.joint ? 'joint' : 'own'}
              options={[
                { value: 'own', label: '个人提案' },
                { value: 'joint', label: `${session.data.myDelegation}联名` },
              ]}
              onChange={(way) => change({ joint: way === 'joint' })}
            />
          </FormField>
        )}
        <FormField label="案由" help="现状与理由：存在什么问题，为什么需要解决。">
          <TextArea className="proposal-edit__text" placeholder="请写明现状和理由" value={text.reasons} maxLength={PROPOSAL_TEXT_MAX} showCount autoSize onChange={(reasons) => change({ reasons })} />
        </FormField>
        <FormField label="建议" help="具体、可行的措施。">
          <TextArea className="proposal-edit__text" placeholder="请写明建议的措施" value={text.measures} maxLength={PROPOSAL_TEXT_MAX} showCount autoSize onChange={(measures) => change({ measures })} />
        </FormField>
        <FormField label="图片（选填）" help={`现场照片等，最多 ${PROPOSAL_IMAGES_MAX} 张，随提案公开。`}>
          <ProofImages
            urls={text.images.map((image) => image.url)}
            max={PROPOSAL_IMAGES_MAX}
            adding={addingImage}
            onAdd={addImage}
            onRemove={(index) => change({ images: text.images.filter((_, at) => at !== index) })}
          />
        </FormField>
        <Text className="proposal-edit__saved">{savedAt ? `草稿已自动保存 ${formatDateTime(savedAt.toISOString())}` : '输入后自动保存草稿，关闭小程序也不会丢失'}</Text>
      </View>
      {similar.length > 0 && (
        <View className="card proposal-edit__similar">
          <Text className="proposal-edit__similar-title">本届已有相似的提案，可考虑附议而不重复提交：</Text>
          {similar.map((row) => (
            <View key={row.id} className="proposal-edit__similar-row" onClick={() => void Taro.navigateTo({ url: proposalUrl(row.id) })}>
              <Text className="proposal-edit__similar-name">{row.number ? `${row.number} ` : ''}{row.title}</Text>
              <Text className="card-meta">
                {row.authorName} · {row.stateLabel} · 相似度 {Math.round(row.score * 100)}%
              </Text>
            </View>
          ))}
        </View>
      )}
      <View className="bottom-bar proposal-edit__bar">
        <Button fill="outline" className="proposal-edit__save" onClick={saveNow}>
          保存草稿
        </Button>
        {proposal ? (
          <Button type="primary" className="proposal-edit__invite" loading={busy} onClick={() => setPicking(true)}>
            {text.joint ? '邀请代表联名' : '邀请代表附议'}
          </Button>
        ) : (
          <Button type="primary" className="proposal-edit__submit" loading={busy} onClick={() => void submit()}>
            提交意见建议
          </Button>
        )}
      </View>
      <DelegatePicker
        sessionId={saved?.sessionId ?? collectingFor}
        delegation={text.joint ? session.data?.myDelegation : undefined}
        needed={saved?.needed ?? session.data?.secondersNeeded ?? 2}
        visible={picking}
        busy={busy}
        onClose={() => setPicking(false)}
        onInvite={(ids) => {
          void invite(ids).then(() => setPicking(false))
        }}
      />
    </Screen>
  )
}
