/** Role grants as stored on a member: `role` or `role:scope`. */
import { ROLES, ROLE_LABELS, ROLE_SCOPE_LABELS, decodeGrant, encodeGrant, type RoleGrant } from '../../types/roles'

describe('encodeGrant / decodeGrant', () => {
  const grants: [string, RoleGrant][] = [
    ['unionOffice', { role: 'unionOffice' }],
    ['unitAdmin:unit05', { role: 'unitAdmin', scope: 'unit05' }],
    ['delegate:六届二次', { role: 'delegate', scope: '六届二次' }],
    ['clubAdmin:羽毛球俱乐部', { role: 'clubAdmin', scope: '羽毛球俱乐部' }],
    ['handlingDept:人事处', { role: 'handlingDept', scope: '人事处' }],
  ]

  it.each(grants)('%s round-trips', (stored, grant) => {
    expect(encodeGrant(grant)).toBe(stored)
    expect(decodeGrant(stored)).toEqual(grant)
    expect(decodeGrant(encodeGrant(grant))).toEqual(grant)
  })

  it('keeps a scope containing ":" whole (only the first colon separates)', () => {
    const grant: RoleGrant = { role: 'clubAdmin', scope: '羽毛球:教工队:A组' }
    expect(encodeGrant(grant)).toBe('clubAdmin:羽毛球:教工队:A组')
    expect(decodeGrant(encodeGrant(grant))).toEqual(grant)
  })

  it('a role without scope decodes without a scope key', () => {
    expect(decodeGrant('delegate')).toEqual({ role: 'delegate' })
    expect(decodeGrant('delegate')).not.toHaveProperty('scope')
  })

  it('an empty scope after the colon is kept as an empty scope', () => {
    expect(decodeGrant('delegate:')).toEqual({ role: 'delegate', scope: '' })
  })

  it.each(['member', 'admin', '', ':unit05', 'UnionOffice', 'unionoffice', 'unitadmin:unit05', 'toString', '__proto__', 'constructor:x'])(
    'the unknown role %p → undefined',
    (stored) => {
      expect(decodeGrant(stored)).toBeUndefined()
    },
  )

  it('every role has a label, and every role but unionOffice a scope label', () => {
    for (const role of ROLES) {
      expect(ROLE_LABELS[role]).toMatch(/[\u4e00-\u9fa5]/)
      if (role === 'unionOffice') expect(ROLE_SCOPE_LABELS[role]).toBeUndefined()
      else expect(ROLE_SCOPE_LABELS[role]).toMatch(/[\u4e00-\u9fa5]/)
    }
  })
})
