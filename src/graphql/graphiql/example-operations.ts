import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

const OPERATIONS_DIR = fileURLToPath(new URL('../../../schema/operations/', import.meta.url));

/** One example operation of `schema/operations/`, with the comment lines written above it. */
export interface ExampleOperation {
  name: string;
  /** The operation's text including its leading comment. */
  text: string;
  /** Whether a field it selects requires a super-admin key (`@auth(requires: SUPER_ADMIN)`). */
  admin: boolean;
  /** Variable name → its type as written (`Date!`, `[ID!]`, …). */
  variables: Map<string, string>;
}

/** Reads the example operations in file order. */
export async function readExampleOperations(schema: GraphQLSchema): Promise<ExampleOperation[]> {
  const files = (await readdir(OPERATIONS_DIR).catch(() => [] as string[])).filter((f) => f.endsWith('.graphql')).sort();
  const texts = await Promise.all(files.map((file) => readFile(`${OPERATIONS_DIR}${file}`, 'utf8')));
  return texts.flatMap((text) => splitOperations(text, schema));
}

/**
 * Splits a document into its operations. Named fragments are refused: GraphiQL sends the picked
 * operation with every fragment of the editor, and a fragment the picked operation does not use
 * fails validation ("Fragment … is never used"), so examples that share a tab cannot use them.
 */
export function splitOperations(text: string, schema: GraphQLSchema): ExampleOperation[] {
  const document = parse(text);
  let previousEnd = 0;
  return document.definitions.map((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) {
      throw new Error(`example operations must be named operations without fragments; found ${definition.kind}`);
    }
    const start = definition.loc!.start;
    const end = definition.loc!.end;
    // The comment lines just above the operation belong to it.
    // (The last piece of `before` is what precedes the operation on its own line: nothing.)
    const before = text.slice(previousEnd, start).split('\n').slice(0, -1);
    const comment = before.slice(before.findLastIndex((line) => !line.trim().startsWith('#')) + 1).map((line) => `${line.trim()}\n`).join('');
    previousEnd = end;
    return {
      name: definition.name.value,
      text: `${comment}${text.slice(start, end)}`.trim(),
      admin: needsSuperAdmin(definition, schema),
      variables: new Map(
        (definition.variableDefinitions ?? []).map((v) => [v.variable.name.value, text.slice(v.type.loc!.start, v.type.loc!.end)]),
      ),
    };
  });
}

function needsSuperAdmin(operation: OperationDefinitionNode, schema: GraphQLSchema): boolean {
  const fields = schema.getQueryType()?.getFields() ?? {};
  return operation.selectionSet.selections.some((selection) => {
    if (selection.kind !== Kind.FIELD) return false;
    const auth = fields[selection.name.value]?.astNode?.directives?.find((d) => d.name.value === 'auth');
    if (!auth) return false;
    const requires = auth.arguments?.find((a) => a.name.value === 'requires')?.value;
    // Pothos writes the enum argument as a string literal in the field's AST.
    return !requires || ((requires.kind === Kind.ENUM || requires.kind === Kind.STRING) && requires.value === 'SUPER_ADMIN');
  });
}
