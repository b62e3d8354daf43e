/** The embedded CS 360 pipeline (seed 000): the Flink job's rules as pure logic. */
export { CustomerCasePipeline, type CustomerPipelineState, type DeadLetter, type PipelineOptions, type PipelineOutput } from './customerCasePipeline';
export { MAX_NOTES_CHARS } from './caseAccumulator';
export { FIRST_RESPONSE_SLA_MS, notificationIdFor } from './notifications';
export { toTimelineRow } from './timelineRow';
