/**
 * `npm run cloudbase:check`: checks that a CloudBase environment has every collection and index
 * `cloudfunctions/core/collections.ts` declares, and prints what is missing (exit 1) or that all is there (exit 0).
 *
 * It reads the environment through the Tencent Cloud TCB API (tcb.tencentcloudapi.com, version 2018-06-08, signed
 * TC3-HMAC-SHA256): DescribeEnvs for the environment's database instance, then DescribeTable for each collection, the
 * calls `@cloudbase/manager-node` makes for `database.describeCollection`. It needs CLOUDBASE_ENV (the environment
 * id), TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (a CAM key that may read TCB; TENCENTCLOUD_SESSIONTOKEN for a
 * temporary one), and optionally TENCENTCLOUD_REGION (default ap-shanghai); without them it says so and exits 2.
 */
import { createHash, createHmac } from 'node:crypto'
import { COLLECTIONS } from '../cloudfunctions/core/collections'
import { describeIndex, missingFrom, type DescribedIndex } from './cloudbase/requiredIndexes'

const HOST = 'tcb.tencentcloudapi.com'

const { CLOUDBASE_ENV: envId, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env

class TcbApiError extends Error {
  constructor(
    readonly action: string,
    readonly code: string,
    message: string,
  ) {
    super(`${action}: ${code}: ${message}`)
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest()

/** One TCB API call, signed as every Tencent Cloud API 3.0 call is (TC3-HMAC-SHA256 over the JSON body). */
async function tcb<R>(action: string, params: Record<string, unknown>): Promise<R> {
  const payload = JSON.stringify(params)
  const timestamp = Math.floor(Date.now() / 1000)
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10)
  const scope = `${date}/tcb/tc3_request`
  const canonical = `POST\n/\n\ncontent-type:application/json\nhost:${HOST}\n\ncontent-type;host\n${sha256(payload)}`
  const signing = hmac(hmac(hmac(`TC3${secretKey}`, date), 'tcb'), 'tc3_request')
  const signature = createHmac('sha256', signing).update(`TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonical)}`).digest('hex')
  const response = await fetch(`https://${HOST}/`, {
    method: 'POST',
    body: payload,
    headers: {
      Authorization: `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
      'Content-Type': 'application/json',
      'X-TC-Action': action,
      'X-TC-Version': '2018-06-08',
      'X-TC-Timestamp': String(timestamp),
      'X-TC-Region': process.env.TENCENTCLOUD_REGION || 'ap-shanghai',
      ...(process.env.TENCENTCLOUD_SESSIONTOKEN ? { 'X-TC-Token': process.env.TENCENTCLOUD_SESSIONTOKEN } : {}),
    },
  })
  const { Response: body } = (await response.json()) as { Response: R & { Error?: { Code: string; Message: string } } }
  if (body.Error) throw new TcbApiError(action, body.Error.Code, body.Error.Message)
  return body
}

async function describe(): Promise<Record<string, DescribedIndex[] | null>> {
  const { EnvList } = await tcb<{ EnvList: { EnvId: string; Databases: { InstanceId: string }[] }[] }>('DescribeEnvs', { EnvId: envId })
  const instance = EnvList.find((env) => env.EnvId === envId)?.Databases[0]?.InstanceId
  if (!instance) throw new Error(`environment ${envId} not found, or it has no database`)
  const described: Record<string, DescribedIndex[] | null> = {}
  for (const collection of Object.keys(COLLECTIONS)) {
    try {
      const table = await tcb<{ Indexes?: DescribedIndex[] }>('DescribeTable', {
        EnvId: envId,
        MongoConnector: { DatabaseName: instance, InstanceId: 'flexdb' },
        TableName: collection,
      })
      described[collection] = table.Indexes ?? []
    } catch (error) {
      if (!(error instanceof TcbApiError && /NotFound|NotExist/i.test(error.code))) throw error
      described[collection] = null
    }
  }
  return described
}

async function main() {
  if (!envId || !secretId || !secretKey) {
    console.error('cloudbase:check needs an environment and a key: set CLOUDBASE_ENV (the environment id), TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY')
    process.exit(2)
  }
  const missing = missingFrom(await describe())
  if (missing.length === 0) {
    console.log(`${envId}: every collection and index collections.ts declares is there`)
    return
  }
  console.log(`${envId} lacks (create them in the console, 数据库 → 集合 → 索引管理):`)
  for (const { collection, collectionMissing, indexes } of missing) {
    const parts = [...(collectionMissing ? ['the collection itself'] : []), ...indexes.map((index) => `index ${describeIndex(index)}`)]
    console.log(`  ${collection}: ${parts.join('; ')}`)
  }
  process.exitCode = 1
}

main().catch((error: unknown) => {
  console.error(`cloudbase:check failed: ${(error as Error).message}`)
  process.exit(2)
})
