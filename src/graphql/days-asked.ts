import { type DocumentNode, Kind, type ValueNode, visit } from 'graphql';

/**
 * The days a request asks with `asOf`, today's left out: each is an org rebuilt for that day
 * (50–100 ms at M) before any field of it is answered, whichever field asks it (a `unit`, a
 * nested `coverage`, an analysis), and once however many ask it. Counted over the whole
 * document, its variables resolved.
 */
export function daysAsked(
  document: DocumentNode,
  variables: Record<string, unknown>,
  today: string,
): number {
  const days = new Set<string>();
  const dayOf = (value: ValueNode): unknown =>
    value.kind === Kind.VARIABLE
      ? variables[value.name.value]
      : value.kind === Kind.STRING
        ? value.value
        : null;
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'asOf') return;
      const day = dayOf(node.value);
      if (typeof day === 'string' && day !== today) days.add(day);
    },
  });
  return days.size;
}
