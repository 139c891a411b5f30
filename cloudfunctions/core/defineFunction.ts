import * as v from 'valibot'
import type { ApiResult, FunctionEvent } from '../../types/result'
import { describeIssues } from '../../types/validation'
import { authorize, type Policy, type UnitScope } from './authorize'
import type { MemberDoc } from './collections'
import { resolveCaller, type Environment } from './context'
import { AppError } from './errors'
import type { FileStore } from './files/port'
import { StoreBusyError, type Store } from './store/port'

export interface ActionContext<P extends Policy> {
  store: Store
  /** Uploaded files and files the action makes (exports). */
  files: FileStore
  now: Date
  /** The calling member: present for member and unionOffice actions, maybe for user actions, never for timers. */
  member: P extends 'member' | 'unitAdmin' | 'unionOffice' ? MemberDoc : P extends 'user' ? MemberDoc | undefined : undefined
  /** The units a unitAdmin action may act on. */
  units: P extends 'unitAdmin' ? UnitScope : undefined
  /** The caller's WeChat OPENID: present for every action but timers. */
  openid: P extends 'timer' ? undefined : string
}

type AnySchema = v.GenericSchema<unknown, unknown>

export interface ActionSpec<P extends Policy, S extends AnySchema, R> {
  allow: P
  input: S
  handle(input: v.InferOutput<S>, context: ActionContext<P>): Promise<R>
}

/** Declares one action; the helper exists so TypeScript infers the policy and the schema's output type. */
export function action<P extends Policy, S extends AnySchema, R>(spec: ActionSpec<P, S, R>): ActionSpec<P, S, R> {
  return spec
}

type Contract<Api> = { [A in keyof Api]: { request: unknown; response: unknown } }

type AnyAction = ActionSpec<Policy, AnySchema, unknown>

/** The actions of a function: every action of its contract, answering the contract's response type. */
export type ActionsOf<Api extends Contract<Api>> = {
  [A in keyof Api]: ActionSpec<Policy, AnySchema, Api[A]['response']>
}

export interface CloudFunction {
  name: string
  actions: Record<string, AnyAction>
  /** Runs one event: route → validate → authorize → handle; always answers an ApiResult. */
  run(event: unknown, environment: Environment): Promise<ApiResult<unknown>>
}


export function defineFunction<Api extends Contract<Api>>(name: string, actions: ActionsOf<Api>, timers: Record<string, AnyAction> = {}): CloudFunction {
  const all: Record<string, AnyAction> = { ...actions, ...timers }
  return {
    name,
    actions: all,
    async run(event, environment) {
      try {
        const { store, files, identity, now } = environment
        const requested = identity.trigger ?? (event as FunctionEvent | null)?.action
        const spec = typeof requested === 'string' && Object.hasOwn(all, requested) ? all[requested] : undefined
        if (!spec) throw new AppError('UNKNOWN_ACTION', '不支持的操作，请将小程序更新到最新版本')
        const payload = identity.trigger ? undefined : (event as FunctionEvent).payload
        // valibot's object schemas take arrays as objects; no action's payload is an array.
        if (Array.isArray(payload)) throw new AppError('INVALID_INPUT', '请求参数格式不正确，请将小程序更新到最新版本后重试')
        const parsed = v.safeParse(spec.input, payload)
        if (!parsed.success) {
          const { message, fields } = describeIssues(parsed.issues)
          throw new AppError('INVALID_INPUT', message, fields)
        }
        const { member, openid, units } = authorize(spec.allow, await resolveCaller(store, identity))
        const data = await spec.handle(parsed.output, {
          store,
          files,
          now,
          member: member as MemberDoc,
          openid: openid as string,
          units: units as UnitScope,
        })
        return { ok: true, data }
      } catch (error) {
        if (error instanceof AppError) {
          return { ok: false, code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) }
        }
        if (error instanceof StoreBusyError) return { ok: false, code: 'BUSY', message: '当前使用人数较多，请稍后再试' }
        console.error(`[${name}]`, error)
        return { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试；如果一直出现，请联系校工会' }
      }
    },
  }
}
