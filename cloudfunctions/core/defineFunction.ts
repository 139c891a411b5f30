import * as v from 'valibot'
import type { JobInfo } from '../../types/jobs'
import type { RoleGrant } from '../../types/roles'
import type { ApiResult, FunctionEvent } from '../../types/result'
import { describeIssues } from '../../types/validation'
import { authorize, type Policy } from './authorize'
import type { MemberDoc } from './collections'
import { resolveCaller, type Environment } from './context'
import { AppError } from './errors'
import type { FileStore } from './files/port'
import { runDueJobs, runJob, type JobRunSummary, type Jobs } from './jobs'
import { answerOnce, REQUEST_KEY, requestKeyId } from './requestKeys'
import { StoreBusyError, type Store } from './store/port'
import type { WeChatApi } from './wechatApi/port'

export interface ActionContext<P> {
  store: Store
  /** Uploaded files and files the action makes (exports). */
  files: FileStore
  /** WeChat's open API (mini-program codes). */
  wechat: WeChatApi
  now: Date
  /** The calling member: always there, but for a 'user' action (binding) called by someone not bound yet. */
  member: P extends 'user' ? MemberDoc | undefined : MemberDoc
  /** The caller's WeChat OPENID. */
  openid: string
  /** The caller's grants that matched the action's rules: which units, clubs, sessions… it may act on (scopesOf). */
  grants: RoleGrant[]
  /**
   * For a write sent with an idempotency key: an id that key always gives (40 hex). An action that creates a
   * document names it so: were the first call's answer lost after its change committed, a retry that runs the action
   * again finds the document there instead of making a second.
   */
  requestId?: string
}

type AnySchema = v.GenericSchema<unknown, unknown>

export interface ActionSpec<P extends Policy<v.InferOutput<S>>, S extends AnySchema, R> {
  allow: P
  input: S
  handle(input: v.InferOutput<S>, context: ActionContext<P>): Promise<R>
}

/** Declares one action; the helper exists so TypeScript infers the schema's output type and checks the policy against it. */
export function action<S extends AnySchema, R, P extends Policy<v.InferOutput<S>>>(spec: ActionSpec<P, S, R>): ActionSpec<P, S, R> {
  return spec
}

type Contract<Api> = { [A in keyof Api]: { request: unknown; response: unknown } }

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each action's own input type is checked by action()
type AnyAction = ActionSpec<Policy<any>, AnySchema, unknown>

/** The actions of a function: every action of its contract, answering the contract's response type. */
export type ActionsOf<Api extends Contract<Api>> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as AnyAction
  [A in keyof Api]: ActionSpec<Policy<any>, AnySchema, Api[A]['response']>
}

/** What a function's config.json says (the deployment reads the same file). */
export interface FunctionConfig {
  /** Seconds CloudBase lets one call run. */
  timeout: number
  /** At most one: WeChat allows one timer trigger per function. */
  triggers?: { name: string; type: string; config: string }[]
}

/** A function's periodic jobs, run by its one timer trigger: their catalogue entries (types/jobs.ts) and their code. */
export interface FunctionJobs {
  catalogue: Record<string, JobInfo>
  run: Jobs
}

/** Pairs a function's catalogue with its jobs' code, one job for every catalogue entry. */
export function jobsOf<C extends Record<string, JobInfo>>(catalogue: C, run: Jobs<keyof C & string>): FunctionJobs {
  return { catalogue, run }
}

export interface FunctionOptions {
  config: FunctionConfig
  jobs?: FunctionJobs
}

export interface CloudFunction {
  name: string
  actions: Record<string, AnyAction>
  config: FunctionConfig
  /** The jobs its trigger runs, by name, with their titles and schedules. */
  jobs: Record<string, JobInfo>
  /** Runs one event: route → validate → authorize → handle; a timer event runs the due jobs. Always answers an ApiResult. */
  run(event: unknown, environment: Environment): Promise<ApiResult<unknown>>
  /** Runs one job now, due or not (tests; the browser tests' harness). Undefined when a run is under way. */
  runJob(job: string, environment: Omit<Environment, 'identity'>): Promise<JobRunSummary | undefined>
}

const failureOf = (error: AppError): ApiResult<never> => ({
  ok: false,
  code: error.code,
  message: error.message,
  ...(error.fields ? { fields: error.fields } : {}),
})

export function defineFunction<Api extends Contract<Api>>(name: string, actions: ActionsOf<Api>, options: FunctionOptions): CloudFunction {
  const all: Record<string, AnyAction> = actions
  const { config, jobs } = options
  const trigger = config.triggers?.[0]?.name

  /** Validates, authorizes and runs one action: an answer, or the AppError a person should see. */
  async function runAction(event: FunctionEvent | null, environment: Environment): Promise<ApiResult<unknown>> {
    const { store, files, wechat, identity, now } = environment
    const requested = event?.action
    const spec = typeof requested === 'string' && Object.hasOwn(all, requested) ? all[requested] : undefined
    if (!spec) throw new AppError('UNKNOWN_ACTION', '不支持的操作，请将小程序更新到最新版本')
    // valibot's object schemas take arrays as objects; no action's payload is an array.
    if (Array.isArray(event!.payload)) throw new AppError('INVALID_INPUT', '请求参数格式不正确，请将小程序更新到最新版本后重试')
    const parsed = v.safeParse(spec.input, event!.payload)
    if (!parsed.success) {
      const { message, fields } = describeIssues(parsed.issues)
      throw new AppError('INVALID_INPUT', message, fields)
    }
    const key = event!.idempotencyKey
    if (key !== undefined && (typeof key !== 'string' || !REQUEST_KEY.test(key))) {
      throw new AppError('INVALID_INPUT', '请求标识格式不正确，请将小程序更新到最新版本后重试')
    }
    const { member, openid, grants } = await authorize(spec.allow, await resolveCaller(store, identity), parsed.output, store)
    const requestId = key === undefined ? undefined : requestKeyId(name, requested!, openid, key)
    const handle = () =>
      guarded(async () => ({ ok: true, data: await spec.handle(parsed.output, { store, files, wechat, now, member: member as MemberDoc, openid, grants, requestId }) }))
    return requestId === undefined ? handle() : answerOnce(store, requestId, now, config.timeout, handle)
  }

  /** Any thrown error as the answer a person sees: theirs for an AppError, a calm INTERNAL otherwise (logged). */
  async function guarded(work: () => Promise<ApiResult<unknown>>): Promise<ApiResult<unknown>> {
    try {
      return await work()
    } catch (error) {
      if (error instanceof AppError) return failureOf(error)
      if (error instanceof StoreBusyError) return { ok: false, code: 'BUSY', message: '当前使用人数较多，请稍后再试' }
      console.error(`[${name}]`, error)
      return { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试；如果一直出现，请联系校工会' }
    }
  }

  return {
    name,
    actions: all,
    config,
    jobs: jobs?.catalogue ?? {},
    run(event, environment) {
      return guarded(async () => {
        const { identity, now, ...services } = environment
        if (identity.trigger === undefined) return runAction(event as FunctionEvent | null, environment)
        if (!jobs || identity.trigger !== trigger) throw new AppError('UNKNOWN_ACTION', '没有这个定时触发器')
        return { ok: true, data: await runDueJobs(jobs.catalogue, jobs.run, { functionName: name, services, now, timeoutSeconds: config.timeout }) }
      })
    },
    runJob(job, { now, ...services }) {
      if (!jobs || !Object.hasOwn(jobs.run, job)) throw new Error(`${name} has no job "${job}"`)
      return runJob(job, jobs.run[job], { functionName: name, services, now, timeoutSeconds: config.timeout })
    },
  }
}
