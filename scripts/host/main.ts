/**
 * `npm start`: the whole app on one machine. Opens (or creates) the SQLite store, seeds the demo union on first
 * start, runs the timer triggers, and serves the H5 build with every cloud function behind it.
 *
 * Environment: PORT (default 8686), JIAOGONG_DB (default .data/jiaogong.sqlite; uploaded and exported files go in a
 * `files` folder beside it), JIAOGONG_DEMO=0 turns the development login off, HOST the interface to listen on
 * (default 127.0.0.1: in demo mode anyone who reaches the port can sign in as anyone, so it stays on this machine
 * unless you say otherwise; HOST=0.0.0.0 lets phones on the same network in).
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { LocalFileStore } from '../../cloudfunctions/core/files/local'
import { OutboxWeChatApi } from '../../cloudfunctions/core/wechatApi/outbox'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { seedDemoUnion } from '../seed/demoUnion'
import { addressesToOpen, ownHostNames } from './hostNames'
import { keepFilesPrivate } from './privateFiles'
import { createHost } from './server'
import { readTimeouts } from './timeLimits'
import { readTimerTriggers, scheduleTimers } from './timers'

const root = resolve(__dirname, '../..')
const port = Number(process.env.PORT ?? 8686)
const hostname = process.env.HOST ?? '127.0.0.1'
const dbFile = resolve(root, process.env.JIAOGONG_DB ?? '.data/jiaogong.sqlite')
const secretFile = join(dirname(dbFile), 'session-secret')
const filesDir = join(dirname(dbFile), 'files')
const demo = process.env.JIAOGONG_DEMO !== '0'
const staticDir = join(root, 'dist/h5')
const functionsDir = join(root, 'cloudfunctions')

/** The session secret lives beside the database, so sessions survive a restart. */
function sessionSecret(): string {
  if (!existsSync(secretFile)) {
    mkdirSync(dirname(secretFile), { recursive: true })
    writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return readFileSync(secretFile, 'utf8').trim()
}

async function main() {
  keepFilesPrivate({ dbFile, secretFile, filesDir })
  const store = new SqliteStore(dbFile)
  // Sessions are bound to the mode that issued them: demo-login sessions stop working once demo mode is off.
  const secret = `${sessionSecret()}:${demo ? 'demo' : 'live'}`
  // Download links get their own key, so a link's signature can never pass for a session's.
  const files = new LocalFileStore(filesDir, `${secret}:files`)
  if (demo && (await seedDemoUnion(store, new Date(), files))) console.log('已生成演示数据：20 个分工会、300 名会员、6 条通知、10 个活动（3 个有封面图）和全年行事历')
  const names = Object.keys(FUNCTIONS)
  const triggers = readTimerTriggers(functionsDir, names)
  // WeChat's servers do not exist here: subscription messages go to an outbox (发送记录 shows them as sent).
  // A venue's check-in code is a QR code of the browser build's check-in page, at the address a phone on this
  // network reaches (the last one listed).
  const wechat = new OutboxWeChatApi(addressesToOpen(hostname, port).at(-1)!.replace(/\/$/, ''))
  scheduleTimers(triggers, FUNCTIONS, { store, files, wechat })
  // Taro empties dist/h5 as any build starts: another build in this checkout may be under way. Pages show a
  // "not built" page until the build is there, and the build then serves without a restart.
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.warn('dist/h5 里还没有页面：请运行 npm run build:h5；如果另有构建正在进行（构建开始时会清空 dist/h5），等它完成后刷新页面即可')
  }
  const allowedHosts = ownHostNames(hostname)
  const timeouts = readTimeouts(functionsDir, names)
  const host = createHost({ store, files, wechat, functions: FUNCTIONS, staticDir, demo, secret, allowedHosts, timeouts })
  host.listen(port, hostname, () => {
    console.log(`教工之家本地云已启动：${addressesToOpen(hostname, port).join(' 或 ')}`)
    console.log(`数据库：${dbFile}；定时触发器：${triggers.map((t) => `${t.functionName}.${t.name}`).join('，') || '无'}`)
    console.log(
      demo
        ? '演示模式：开发登录已开启（可任选演示身份登录），仅供本地演示，切勿用于生产。设置 JIAOGONG_DEMO=0 可关闭。'
        : '非演示模式：开发登录已关闭。',
    )
  })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
