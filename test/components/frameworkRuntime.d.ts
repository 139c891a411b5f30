/** The parts of Taro's React runtime (untyped in its package) that the components layer uses. */
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  import type { ComponentType } from 'react'

  export function createReactApp(app: ComponentType, react: unknown, dom: unknown, config: Record<string, unknown>): unknown
  export function connectReactPage(react: unknown, id: string): <P>(page: ComponentType<P>) => ComponentType<P>
}
