/**
 * Asset QQL built by the gateway.
 */

/**
 * Builds the asset QQL that selects assets by UUID: `id:[<uuid>,<uuid>,...]`, for the body
 * `query` of `POST /pm/v1/assets`.
 *
 * UNVERIFIED ASSUMPTION (docs/qualys-api.md §15.7): no public source shows an asset `id` token or
 * filtering `/pm/v1/assets` by a list of UUIDs; the `field:[a,b]` list syntax is documented for
 * other tokens (`patchStatus:[Missing,Installed]`). This is the only place that builds the
 * filter, so a correction (another token name, quoting) is a one-line change here. Callers must
 * not rely on Qualys honouring it: the asset loader matches answered records by `id` and ignores
 * any others.
 *
 * Shape: UUIDs in, QQL string out; UUIDs are sent as given (they contain only hex digits and
 * hyphens, which QQL accepts unquoted). At most 400 UUIDs per query (one asset page).
 */
export function assetUuidQql(uuids: readonly string[]): string {
  return `id:[${uuids.join(',')}]`;
}
