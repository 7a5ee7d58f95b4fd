/** Public interface of the website widget capability (docs/channels-widget.md). */
export { touchpointOf } from './calc/touchpoint.ts'
export { widgetShape } from './calc/widget-shape.ts'
export { pageFeedbackDefinition } from './page-feedback-template.ts'
export { WIDGET_CHANNEL } from './record-answer.ts'
export { type WidgetLimits, widgetRoutes } from './routes.ts'
export { widgetStaffPages } from './staff-routes.tsx'
