/**
 * The store contract against a real CloudBase environment. It needs credentials, so it runs only when
 * CLOUDBASE_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are all set; otherwise the suite is registered as
 * skipped. The contract writes only documents tagged with its run id and removes them afterwards; the collections
 * (and their unique indexes, see README) must already exist in the environment.
 */
import { Console } from 'node:console'
import cloud from 'wx-server-sdk'
import { CloudBaseStore } from '../../cloudfunctions/core/store/cloudbase'
import { describeStoreContract } from './contract'

const { CLOUDBASE_ENV: env, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env
const configured = Boolean(env && secretId && secretKey)

if (configured) {
  // Every call is a network round trip.
  jest.setTimeout(60_000)
} else {
  // A console on the real stdout: Jest's own console buffers output and drops it for a fully skipped file.
  new Console(process.stdout).log(
    'CloudBase contract suite skipped: set CLOUDBASE_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY to run it',
  )
}

describeStoreContract(
  'CloudBase',
  async () => {
    cloud.init({ env, secretId, secretKey })
    return { store: new CloudBaseStore(cloud), cleanup: async () => undefined }
  },
  { skip: !configured },
)
