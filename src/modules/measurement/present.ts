/**
 * API representation of a measurement model: an allowlist. Internal row ids are left out because they
 * change with every version; codes are stable across versions and comparability keys across
 * organisations. Also the OpenAPI schemas of that representation.
 */
import { z } from '@hono/zod-openapi'
import type { MeasurementModel, ModelQuestion } from './model.ts'

const Origin = z.enum(['core', 'local']).openapi({
  description:
    "'core': a locked bouwblok of the template, comparable across organisations; 'local': the organisation's own.",
})
const BlockRef = z
  .object({
    blockId: z.string().openapi({ example: 'kern.serieus_genomen' }),
    blockVersion: z.number().int(),
  })
  .nullable()
  .openapi('MeasurementBlockRef', {
    description: 'The core bouwblok this element is (or, for local, came from).',
  })
const Scale = z.object({ id: z.string().openapi({ example: 'kern.eens5' }), version: z.number().int() })

const Question = z
  .object({
    code: z.string(),
    text: z.string().openapi({ example: 'Ik voelde mij serieus genomen.' }),
    help: z.string().nullable(),
    scale: Scale,
    origin: Origin,
    core: z
      .object({ blockId: z.string(), blockVersion: z.number().int(), questionCode: z.string() })
      .nullable()
      .openapi({
        description: 'For core: the core question. For local: the core question it was changed from.',
      }),
    comparabilityKey: z.string().openapi({
      description: 'Answers with equal keys are comparable, across surveys and organisations.',
      example: 'kern.serieus_genomen@1/serieus_genomen~kern.eens5@1',
    }),
  })
  .openapi('MeasurementQuestion')

const Element = {
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  origin: Origin,
  core: BlockRef,
}
const Driver = z.object({ ...Element, statements: z.array(Question) }).openapi('MeasurementDriver')
const Kpi = z.object({ ...Element, question: Question, drivers: z.array(Driver) }).openapi('MeasurementKpi')
const Goal = z.object({ ...Element, kpis: z.array(Kpi) }).openapi('MeasurementGoal')
const ProcessIndicator = z
  .object({
    ...Element,
    unit: z.enum(['days', 'count', 'category', 'boolean']),
    dataSource: z.string().nullable(),
  })
  .openapi('MeasurementProcessIndicator')

export const MeasurementModelSchema = z
  .object({
    version: z.number().int(),
    status: z.enum(['draft', 'published']),
    name: z.string(),
    template: z.object({ id: z.string().openapi({ example: 'kern' }), version: z.number().int() }),
    publishedAt: z.string().nullable().openapi({ format: 'date-time' }),
    goals: z.array(Goal),
    processIndicators: z.array(ProcessIndicator),
  })
  .openapi('MeasurementModel')

function question(q: ModelQuestion) {
  return {
    code: q.code,
    text: q.text,
    help: q.help,
    scale: { id: q.scale.id, version: q.scale.version },
    origin: q.origin,
    core: q.core ? { ...q.core } : null,
    comparabilityKey: q.comparabilityKey,
  }
}

function element(e: {
  code: string
  name: string
  description: string | null
  origin: 'core' | 'local'
  core: { blockId: string; blockVersion: number } | null
}) {
  return {
    code: e.code,
    name: e.name,
    description: e.description,
    origin: e.origin,
    core: e.core ? { blockId: e.core.blockId, blockVersion: e.core.blockVersion } : null,
  }
}

/** The API representation of one model version. */
export function presentModel(m: MeasurementModel): z.infer<typeof MeasurementModelSchema> {
  return {
    version: m.version,
    status: m.status,
    name: m.name,
    template: { id: m.template.id, version: m.template.version },
    publishedAt: m.publishedAt ? m.publishedAt.toISOString() : null,
    goals: m.goals.map((g) => ({
      ...element(g),
      kpis: g.kpis.map((k) => ({
        ...element(k),
        question: question(k.question),
        drivers: k.drivers.map((d) => ({ ...element(d), statements: d.statements.map(question) })),
      })),
    })),
    processIndicators: m.processIndicators.map((p) => ({
      ...element(p),
      unit: p.unit,
      dataSource: p.dataSource,
    })),
  }
}
