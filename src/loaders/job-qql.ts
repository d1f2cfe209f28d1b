/**
 * Job QQL built by the gateway.
 */

/**
 * Builds the job QQL that selects deployment jobs targeting any of the given assets by UUID:
 * `assets.id:[<uuid>,<uuid>,...]`, for the `filter` of `GET /pm/v1/deploymentjobs`.
 *
 * UNVERIFIED ASSUMPTION (like `assetUuidQql`): no public source shows an `assets.id` job token;
 * the name follows the job list item's `assets: [{id, name}]` (the job's explicit assets, seed
 * 000), and the `field:[a,b]` list syntax is documented for other tokens (docs/qualys-api.md §10).
 * This is the only place that builds the filter, so a correction (another token name, quoting)
 * is a one-line change here. Callers must not rely on Qualys honouring it: the job loader
 * attributes a returned job to an asset only when the job's own `assets` list names that UUID,
 * and ignores jobs that name none of the requested assets.
 *
 * Shape: UUIDs in, QQL string out; UUIDs are sent as given (hex digits and hyphens, which QQL
 * accepts unquoted). Callers send at most `ASSET_UUIDS_PER_JOB_QUERY` (100) UUIDs per query to
 * keep the URL short (about 4 KB encoded).
 */
export function jobsTargetingAssetsQql(uuids: readonly string[]): string {
  return `assets.id:[${uuids.join(',')}]`;
}
