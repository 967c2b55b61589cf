/**
 * The fields that run pipelines, by the field family they belong to. Metrics label pipeline
 * time and requests by family (a closed set, so label cardinality stays bounded) and traces
 * open one span per call of these fields.
 */
const ROOT_FIELDS: Record<string, string> = {
  callsByPhoneNumber: 'phoneNumbers',
  adminCallsByPhoneNumber: 'phoneNumbers',
  groupedCalls: 'groupedCalls',
  analyticsQuery: 'analyticsQuery',
  calls: 'callList',
  callStats: 'callStats',
};

/** Every entity's `callAnalytics` resolves through one batched family. */
const ENTITY_FIELD = 'callAnalytics';

/** The family of a field that runs a pipeline, or undefined for any other field. */
export function familyOfField(typeName: string, fieldName: string): string | undefined {
  if (typeName === 'Query') return ROOT_FIELDS[fieldName];
  return fieldName === ENTITY_FIELD ? 'entityAnalytics' : undefined;
}

/** The family a root field of a request stands for, for request-level labels. */
export function familyOfRootField(fieldName: string): string {
  if (fieldName.startsWith('__')) return 'introspection';
  if (fieldName === '_entities') return 'entityAnalytics';
  if (fieldName === '_service') return 'service';
  return ROOT_FIELDS[fieldName] ?? 'other';
}
