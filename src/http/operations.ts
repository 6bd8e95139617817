import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, visit, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

export const OPERATIONS_DIR = fileURLToPath(new URL('../../schema/operations', import.meta.url));

export interface NamedOperation {
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  /** The file it is in, e.g. `catalog.graphql`. */
  file: string;
  /** The operation with the fragments it uses (transitively), ready to send. */
  document: string;
}

/** Every named operation of schema/operations, each as a self-contained document. */
export function namedOperations(dir = OPERATIONS_DIR): NamedOperation[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const parsed = files.map((file) => ({ file, doc: parse(readFileSync(`${dir}/${file}`, 'utf8')) }));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { doc } of parsed)
    for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const used = (node: OperationDefinitionNode | FragmentDefinitionNode, seen = new Set<string>()): Set<string> => {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (seen.has(name) || !fragments.has(name)) return;
        seen.add(name);
        used(fragments.get(name)!, seen);
      },
    });
    return seen;
  };

  return parsed.flatMap(({ file, doc }) =>
    doc.definitions
      .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && !!d.name)
      .map((op) => ({
        name: op.name!.value,
        kind: op.operation,
        file,
        document: [op, ...[...used(op)].sort().map((n) => fragments.get(n)!)].map((d) => print(d)).join('\n\n'),
      })),
  );
}

/** Every named operation with every fragment, as one document (GraphiQL runs the one picked from its run button). */
export function allOperationsDocument(dir = OPERATIONS_DIR): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const file of files) {
    for (const d of parse(readFileSync(`${dir}/${file}`, 'utf8')).definitions) {
      const name = 'name' in d && d.name ? `${d.kind}:${d.name.value}` : null;
      if (name && seen.has(name)) continue;
      if (name) seen.add(name);
      parts.push(print(d));
    }
  }
  return parts.join('\n\n');
}
