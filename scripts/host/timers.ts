/**
 * Runs the timer triggers functions declare in their config.json, on their cron schedule, as CloudBase would: at
 * most one per function (WeChat allows no more), which runs the function's due jobs. CloudBase cron has seven fields
 * (second minute hour day month weekday year); croner takes the first six.
 */
import { Cron } from 'croner'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CloudFunction } from '../../cloudfunctions/core/defineFunction'
import type { Services } from '../../cloudfunctions/core/context'

export interface TimerTrigger {
  functionName: string
  name: string
  cron: string
}

interface FunctionConfig {
  triggers?: { name: string; type: string; config: string }[]
}

export function readTimerTriggers(functionsDir: string, names: string[]): TimerTrigger[] {
  return names.flatMap((functionName) => {
    const file = join(functionsDir, functionName, 'config.json')
    const config = JSON.parse(readFileSync(file, 'utf8')) as FunctionConfig
    const timers = (config.triggers ?? []).filter((trigger) => trigger.type === 'timer')
    if (timers.length > 1) {
      throw new Error(`${file} declares ${timers.length} timer triggers: WeChat allows one per function, which runs its due jobs`)
    }
    return timers.map((trigger) => ({ functionName, name: trigger.name, cron: toCronerPattern(trigger.config) }))
  })
}

export function toCronerPattern(cloudbaseCron: string): string {
  const fields = cloudbaseCron.trim().split(/\s+/)
  if (fields.length === 7 && fields[6] === '*') return fields.slice(0, 6).join(' ')
  if (fields.length === 6) return fields.join(' ')
  throw new Error(`unsupported timer cron "${cloudbaseCron}": use CloudBase's seven fields with year "*"`)
}

/** Fires one trigger now, exactly as its schedule would. */
export function fireTrigger(fn: CloudFunction, trigger: TimerTrigger, services: Services) {
  return fn.run({ Type: 'Timer', TriggerName: trigger.name }, { ...services, identity: { trigger: trigger.name }, now: new Date() })
}

export function scheduleTimers(triggers: TimerTrigger[], functions: Record<string, CloudFunction>, services: Services): Cron[] {
  return triggers.map(
    (trigger) =>
      new Cron(trigger.cron, { timezone: 'Asia/Shanghai', protect: true }, async () => {
        const result = await fireTrigger(functions[trigger.functionName], trigger, services)
        if (!result.ok) console.error(`[timer] ${trigger.functionName}.${trigger.name}: ${result.message}`)
      }),
  )
}
