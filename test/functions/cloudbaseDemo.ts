/**
 * The demo union on the CloudBase adapter, over the real SDK with the service answered in-process
 * (test/store/cloudbaseStandIn.ts): transactions run side by side under snapshot isolation, as on CloudBase, where
 * SQLite runs them one after another. Only here can a guard against write skew fail its test.
 */
import cloud from 'wx-server-sdk'
import { CloudBaseStore } from '../../cloudfunctions/core/store/cloudbase'
import { seedDemoUnion } from '../../scripts/seed/demoUnion'
import { CloudBaseStandIn } from '../store/cloudbaseStandIn'
import { NOW } from './harness'

export interface CloudBaseDemo {
  store: CloudBaseStore
  /** Close it after each test. */
  standIn: CloudBaseStandIn
}

export async function cloudBaseDemo(): Promise<CloudBaseDemo> {
  cloud.init({ secretId: 'stand-in', secretKey: 'stand-in' })
  const standIn = new CloudBaseStandIn(1000)
  const store = new CloudBaseStore(cloud, { env: standIn.env, retry: { attempts: 6, baseDelayMs: 1 } })
  await seedDemoUnion(store, NOW)
  return { store, standIn }
}
