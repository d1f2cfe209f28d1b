/**
 * `POST /pm/v1/vulnerabilities` (qualysdk; docs/qualys-api.md §11.9): body `{"qids": [int, ...]}` (digit
 * strings accepted), at most 1,000 (more -> 400, 9003). Answers the known QIDs only, in request
 * order, duplicates once: `[{id, title, cves|null, detectedDate, severity, vulnType}]`.
 *
 * @module
 */
import { badParameter } from '../errors.js';
import type { SimVulnerability } from '../fleet/types.js';
import type { TenantRoute } from '../router.js';
import { assertBatchSize, bodyObject, unique } from './route-helpers.js';

const DIGITS = /^\d+$/;

/** @returns the vulnerabilities route. */
export function createVulnerabilityRoutes(): TenantRoute[] {
  return [
    {
      method: 'POST',
      pattern: '/pm/v1/vulnerabilities',
      access: 'tenant',
      handle(ctx, tenant) {
        const qids = bodyObject(ctx, true)['qids'];
        if (
          !Array.isArray(qids) ||
          !qids.every(
            (qid) =>
              (typeof qid === 'number' && Number.isInteger(qid)) ||
              (typeof qid === 'string' && DIGITS.test(qid)),
          )
        ) {
          throw badParameter('Invalid request body: expected {"qids": [<QID>, ...]} with integer QIDs');
        }
        assertBatchSize('qids', qids.length);
        const found: SimVulnerability[] = [];
        for (const qid of unique(qids.map(Number))) {
          const vulnerability = tenant.vulnerability(qid);
          if (vulnerability !== undefined) {
            found.push(vulnerability);
          }
        }
        return { json: found };
      },
    },
  ];
}
