import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { ROLE_SCOPES, type Role } from './auth-directive.ts';

/**
 * Derives the visible `@auth(requires: …)` directive from a field's scope-auth declaration
 * (`authScopes: { superAdmin: true }`), so what the SDL shows and what is enforced are one
 * declaration and cannot drift. Listed after DirectivesPlugin: field hooks run in reverse
 * plugin order, so this runs first and the directives plugin then records the directive.
 */
export class AuthDirectivePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const scopes = (fieldConfig.pothosOptions as { authScopes?: unknown }).authScopes;
    if (!scopes || typeof scopes !== 'object') return fieldConfig;
    const role = (Object.keys(ROLE_SCOPES) as Role[]).find((r) => (scopes as Record<string, unknown>)[ROLE_SCOPES[r]] === true);
    if (!role) return fieldConfig;
    const existing = (fieldConfig.extensions?.directives ?? []) as { name: string; args: Record<string, unknown> }[];
    return {
      ...fieldConfig,
      extensions: {
        ...fieldConfig.extensions,
        directives: [...existing, { name: 'auth', args: { requires: role } }],
      },
    };
  }
}

const pluginName = 'authDirective';
SchemaBuilder.registerPlugin(pluginName, AuthDirectivePlugin);
export default pluginName;

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      authDirective: AuthDirectivePlugin<Types>;
    }
  }
}
