import { SpanStatusCode } from '@opentelemetry/api';
import { defaultFieldResolver, type GraphQLFieldResolver, isObjectType, responsePathAsArray } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { runInField } from '../../observability/pipeline-scope.ts';
import { requestSpanOf } from '../../observability/request-span.ts';
import { gatewayTracer } from '../../observability/tracer.ts';
import { familyOfField } from '../pipeline-fields.ts';

const WRAPPED = Symbol.for('dialgraph.pipelineField');

/**
 * Every call of a pipeline-running field runs inside its field's scope (so the store's
 * instrumentation labels the pipeline by family, and explain names the field's path) and inside one span `field <Type.field>`
 * with `dialgraph.family` when the request is traced (useTracing gave it a span). Arguments are
 * never recorded. Only these few fields are wrapped, not every resolver, so the rest of
 * execution pays nothing.
 */
export function usePipelineFields(): Plugin {
  return {
    onSchemaChange({ schema }) {
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isObjectType(type) || type.name.startsWith('__')) continue;
        for (const field of Object.values(type.getFields())) {
          const family = familyOfField(type.name, field.name);
          const resolve = field.resolve as (GraphQLFieldResolver<unknown, unknown> & { [WRAPPED]?: true }) | undefined;
          if (!family || resolve?.[WRAPPED]) continue;
          field.resolve = wrap(`${type.name}.${field.name}`, family, resolve ?? defaultFieldResolver);
        }
      }
    },
  };
}

function wrap(coordinate: string, family: string, resolve: GraphQLFieldResolver<unknown, unknown>) {
  const wrapped: GraphQLFieldResolver<unknown, unknown> & { [WRAPPED]?: true } = (source, args, context, info) =>
    runInField({ family, path: responsePathAsArray(info.path).join('.') }, () =>
      // Untraced (tracing off, or a context without a request): no span at all, not even the
      // API's no-op one, whose async wrapper every pipeline field would otherwise pay.
      requestSpanOf((context as { request?: Request }).request)
        ? gatewayTracer().startActiveSpan(`field ${coordinate}`, { attributes: { 'dialgraph.family': family, 'graphql.field.coordinate': coordinate } }, async (span) => {
            try {
              return await resolve(source, args, context, info);
            } catch (error) {
              span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.name });
              throw error;
            } finally {
              span.end();
            }
          })
        : resolve(source, args, context, info),
    );
  wrapped[WRAPPED] = true;
  return wrapped;
}
