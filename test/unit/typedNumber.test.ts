/** An amount as a form sends it, and what the check then says: blank asks for it, text is refused as text. */
import { typedNumber } from '../../src/admin/benefits/policyForm'
import { HardshipAidSchema } from '../../types/hardship'
import { requestCheck } from '../../types/validation'

const aid = (amount: string) => requestCheck(HardshipAidSchema, { caseId: '2026-m0006', amount: typedNumber(amount), form: 'cash', day: '2026-11-18', approvalRef: '主席办公会' })

test.each([
  ['', undefined, '请填写金额'],
  ['   ', undefined, '请填写金额'],
  ['1500', 1500, undefined],
  ['12.5', 12.5, undefined],
  ['1,500', '1,500', '金额须为数字'],
  ['五百', '五百', '金额须为数字'],
])('%j is sent as %j: %s', (typed, sent, message) => {
  expect(typedNumber(typed)).toBe(sent)
  const check = aid(typed)
  expect(check.ok ? undefined : check.message).toBe(message)
})
