/** The names the local host answers to (against DNS rebinding), and the addresses it tells a person to open. */
import { hostname, networkInterfaces } from 'node:os'
import { LOOPBACK_NAMES, addressedHere, addressesToOpen, ownHostNames } from '../../scripts/host/hostNames'

describe('addressedHere', () => {
  const names = ['localhost', '127.0.0.1', '[::1]', '192.168.1.20', 'jiaogong-pc']

  it.each([
    ['localhost:8686', true],
    ['LOCALHOST:8686', true],
    ['127.0.0.1:8686', true],
    ['[::1]:8686', true],
    ['[0:0:0:0:0:0:0:1]:8686', true],
    ['192.168.1.20:8686', true],
    ['jiaogong-pc:8686', true],
    ['attacker.example:8686', false],
    ['localhost.attacker.example:8686', false],
    ['127.0.0.1.nip.io:8686', false],
    ['localhost:8687', false],
    ['localhost', false],
    ['localhost:8686/path', false],
    ['user@localhost:8686', false],
    ['localhost :8686', false],
    ['', false],
    [undefined, false],
  ])('Host %p at port 8686 → %p', (header, expected) => {
    expect(addressedHere(header, names, 8686)).toBe(expected)
  })

  it('takes a name without a port at port 80, as browsers send it', () => {
    expect(addressedHere('localhost', names, 80)).toBe(true)
    expect(addressedHere('localhost:80', names, 80)).toBe(true)
  })
})

describe('ownHostNames', () => {
  it('is the loopback names, the listening address, the hostname and every interface address', () => {
    const interfaces = Object.values(networkInterfaces()).flatMap((list) => list ?? [])
    const names = ownHostNames('0.0.0.0')
    expect(names.slice(0, 4)).toEqual(['localhost', '127.0.0.1', '[::1]', '0.0.0.0'])
    expect(names).toContain(hostname())
    for (const { address, family } of interfaces) expect(names).toContain(family === 'IPv6' ? `[${address}]` : address)
  })

  it('writes an IPv6 listening address in brackets', () => {
    expect(ownHostNames('fd00::20')).toContain('[fd00::20]')
  })

  it('is only the loopback names by default (LOOPBACK_NAMES)', () => {
    expect(LOOPBACK_NAMES).toEqual(['localhost', '127.0.0.1', '[::1]'])
  })
})

describe('addressesToOpen', () => {
  it('is localhost for a host on this machine only', () => {
    expect(addressesToOpen('127.0.0.1', 8686)).toEqual(['http://localhost:8686/'])
  })

  it('is the listening address when it is one', () => {
    expect(addressesToOpen('192.168.1.20', 8686)).toEqual(['http://192.168.1.20:8686/'])
  })

  it('is localhost and each IPv4 network address when listening on every interface', () => {
    const network = Object.values(networkInterfaces())
      .flatMap((list) => list ?? [])
      .filter((item) => item.family === 'IPv4' && !item.internal)
      .map((item) => `http://${item.address}:8686/`)
    expect(addressesToOpen('0.0.0.0', 8686)).toEqual(['http://localhost:8686/', ...network])
  })
})
