/** The slice of wx-server-sdk (which ships no types) that the CloudBase adapter and entry use. */
declare module 'wx-server-sdk' {
  export interface Command {
    eq(value: unknown): CommandValue
    neq(value: unknown): CommandValue
    gt(value: unknown): CommandValue
    gte(value: unknown): CommandValue
    lt(value: unknown): CommandValue
    lte(value: unknown): CommandValue
    in(values: unknown[]): CommandValue
    nin(values: unknown[]): CommandValue
    exists(flag: boolean): CommandValue
    and(conditions: unknown[]): CommandValue
    or(conditions: unknown[]): CommandValue
    inc(amount: number): CommandValue
    set(value: unknown): CommandValue
    remove(): CommandValue
    push(values: unknown[]): CommandValue
    pull(value: unknown): CommandValue
  }
  export interface CommandValue {
    and(...conditions: CommandValue[]): CommandValue
  }
  export interface Query {
    where(condition: unknown): Query
    orderBy(field: string, order: 'asc' | 'desc'): Query
    skip(n: number): Query
    limit(n: number): Query
    field(projection: Record<string, boolean>): Query
    get(): Promise<{ data: Record<string, unknown>[] }>
    count(): Promise<{ total: number }>
    update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
    remove(): Promise<{ stats: { removed: number } }>
  }
  export interface DocumentReference {
    /** `data` is null for a missing document when the database was opened with `throwOnNotFound: false`. */
    get(): Promise<{ data: Record<string, unknown> | null }>
    update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>
    remove(): Promise<{ stats: { removed: number } }>
  }
  export interface CollectionReference extends Query {
    doc(id: string): DocumentReference
    add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>
  }
  export interface Database {
    command: Command
    collection(name: string): CollectionReference
    /** `retries`: how many times the SDK itself runs `work` again after a conflict it recognises (default 3). */
    runTransaction<R>(work: (transaction: { collection(name: string): CollectionReference }) => Promise<R>, retries?: number): Promise<R>
  }
  export interface WxCloud {
    openapi: {
      subscribeMessage: {
        send(options: {
          touser: string
          templateId: string
          page: string
          data: Record<string, { value: string }>
          miniprogramState: 'formal' | 'trial' | 'developer'
          lang: 'zh_CN'
        }): Promise<{ errCode: number; errMsg: string }>
      }
      wxacode: {
        getUnlimited(options: {
          scene: string
          page: string
          width: number
          checkPath: boolean
          envVersion: 'release' | 'trial' | 'develop'
        }): Promise<{ buffer: Uint8Array; contentType: string; errCode: number; errMsg: string }>
      }
    }
    DYNAMIC_CURRENT_ENV: symbol
    init(options?: { env?: string | symbol; secretId?: string; secretKey?: string }): void
    database(options?: { env?: string; throwOnNotFound?: boolean }): Database
    getWXContext(): { OPENID?: string; APPID?: string; UNIONID?: string }
    uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
    downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>
    deleteFile(options: { fileList: string[] }): Promise<{ fileList: { fileID: string; status: number; errMsg: string }[] }>
    getTempFileURL(options: {
      fileList: { fileID: string; maxAge: number }[]
    }): Promise<{ fileList: { fileID: string; tempFileURL: string; status: number; errMsg: string }[] }>
  }
  const cloud: WxCloud
  export default cloud
}
