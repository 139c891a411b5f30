/** A client of the local host for many requests at once (the sign-up bench, the burst test). */
import { request, type Agent } from 'node:http'

/** POSTs `body` as JSON to `url` over `agent` (its kept-alive connections), signed in with `token`: the parsed answer. */
export function postJson<T>(agent: Agent, url: string, body: unknown, token?: string): Promise<T> {
  const payload = Buffer.from(JSON.stringify(body))
  const headers = { 'content-type': 'application/json', 'content-length': payload.length, ...(token ? { authorization: `Bearer ${token}` } : {}) }
  return new Promise((answered, failed) => {
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        try {
          answered(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T)
        } catch (error) {
          failed(error)
        }
      })
      res.on('error', failed)
    })
    req.on('error', failed)
    req.end(payload)
  })
}
