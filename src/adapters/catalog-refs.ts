import { type Entity, text } from './catalog.js';

/**
 * An entity reference as Backstage writes them — `user:default/jane`, `user:jane`, `jane` —
 * as `namespace/name`, lower-cased; null when it is not a string or names another kind.
 * A reference without a namespace is in its entity's namespace, else in `default`.
 */
export function entityRef(value: unknown, kind: 'user' | 'group', namespace = 'default') {
  if (typeof value !== 'string') return null;
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(value.trim());
  if (!match) return null;
  const [, refKind, refNamespace, name = ''] = match;
  if (refKind && refKind.toLowerCase() !== kind) return null;
  return `${refNamespace ?? namespace}/${name}`.toLowerCase();
}

/** A reference to a group the catalog lacks, as the file writes it. */
export const unknownGroup = (written: unknown) => `unknown group ${JSON.stringify(written)}`;

/** The namespace references inside an entity default to: its own. */
const namespaceOf = (entity: Entity) => text(entity.metadata.namespace) ?? 'default';

/**
 * What a reference written in `entity` names: without a namespace, one in the entity's own
 * namespace (as Backstage reads it), else one in `default` when only that one exists.
 */
export function refFrom(
  entity: Entity,
  value: unknown,
  kind: 'user' | 'group',
  exists: (key: string) => boolean,
): string | null {
  const own = entityRef(value, kind, namespaceOf(entity));
  if (own === null || exists(own)) return own;
  const fallback = entityRef(value, kind);
  return fallback !== null && exists(fallback) ? fallback : own;
}
