/**
 * The names a request may address the host by. A page on an attacker's site whose name is rebound to 127.0.0.1
 * (DNS rebinding) is same-origin with the host in the browser's eyes and could call the development login; its
 * requests still carry the attacker's name in the Host header, so the host answers only to its own names.
 */
import { hostname, networkInterfaces } from 'node:os'

/** This machine by its loopback names: all a host listening on 127.0.0.1 can be reached by. */
export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]']

/** An address as a Host header spells it: IPv6 in brackets. */
const asHostName = (address: string) => (address.includes(':') && !address.startsWith('[') ? `[${address}]` : address)

/**
 * Every name of this machine: loopback, the address the host listens on, its hostname and each interface's address
 * (what a phone on the same network types when the host listens on 0.0.0.0).
 */
export function ownHostNames(listenHost: string): string[] {
  const addresses = Object.values(networkInterfaces()).flatMap((list) => list ?? []).map((item) => item.address)
  return [...new Set([...LOOPBACK_NAMES, listenHost, hostname(), ...addresses].map(asHostName))]
}

/** Where a person opens the host: this machine; and listening on every interface, each network address too. */
export function addressesToOpen(listenHost: string, port: number): string[] {
  if (listenHost !== '0.0.0.0' && listenHost !== '::') {
    return [`http://${LOOPBACK_NAMES.includes(listenHost) ? 'localhost' : asHostName(listenHost)}:${port}/`]
  }
  const network = Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((item) => item.family === 'IPv4' && !item.internal)
  return [`http://localhost:${port}/`, ...network.map((item) => `http://${item.address}:${port}/`)]
}

/**
 * `name:port` as one comparable string (lower case, IPv6 shortened, the default port 80 spelled out), or undefined
 * for anything but a bare name and port.
 */
function hostKey(value: string): string | undefined {
  if (!/^[^\s/\\?#@]+$/.test(value)) return undefined
  try {
    const url = new URL(`http://${value}`)
    return `${url.hostname}:${url.port || '80'}`
  } catch {
    return undefined
  }
}

/** Whether a Host header names this host: one of `names` with the port the request arrived on. */
export function addressedHere(header: string | undefined, names: string[], port: number): boolean {
  const key = header === undefined ? undefined : hostKey(header)
  return key !== undefined && names.some((name) => hostKey(`${name}:${port}`) === key)
}
