/**
 * `Tag`: an asset tag as jobs and assets reference it.
 */
import { Tag, type TagParent } from '../support/refs.js';

Tag.implement({
  description:
    'An asset tag (Qualys asset management). Jobs target and exclude assets by tag. Qualys references tags ' +
    'by UUID and rarely sends their names.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The tag UUID.', nullable: false }),
    name: t.exposeString('name', {
      description: 'The tag name; null when the payload that referenced the tag did not include it (often).',
      nullable: true,
    }),
  }),
});

/** Tags from a list of bare UUIDs or `{id, name}` objects (Qualys sends both). */
export function tagsFrom(items: readonly (string | { id: string; name: string | null })[]): TagParent[] {
  return items.map((item) =>
    typeof item === 'string' ? { id: item, name: null } : { id: item.id, name: item.name },
  );
}
