/**
 * Reading the job an update starts from (read-merge-write): an unreadable job is a bad payload,
 * like any other, and nothing is written.
 */
import { QualysBadPayloadError } from '../../qualys/errors.js';

/**
 * Reads the current job of an update from the wire object Qualys sent.
 * @throws QualysBadPayloadError `QUALYS_BAD_PAYLOAD` when the job cannot be read (a field of an
 *   unexpected type), like any other unreadable upstream payload; nothing is written then.
 */
export function readCurrentJob<T>(read: () => T, endpoint: string): T {
  try {
    return read();
  } catch (cause) {
    throw new QualysBadPayloadError(`Qualys sent a job the gateway cannot read (${endpoint})`, {
      endpoint,
      status: 200,
      cause,
    });
  }
}
