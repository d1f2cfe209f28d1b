/**
 * `User`: a Qualys user as audit stamps and co-author lists reference one.
 */
import { User } from '../support/refs.js';

User.implement({
  description:
    'A Qualys user, as referenced by a job (creator, last updater, co-authors). Qualys has no user lookup in ' +
    'the PM API, so only what the referencing payload says is known.',
  fields: (t) => ({
    id: t.exposeID('id', {
      description: 'The user UUID; null when Qualys sent the user without one.',
      nullable: true,
    }),
    name: t.exposeString('name', {
      description:
        'The user name (login); null when the referencing payload did not include it (co-author lists never do).',
      nullable: true,
    }),
    fullName: t.exposeString('fullName', {
      description:
        'The full name; null when the referencing payload did not include it (only full jobs do, and not always).',
      nullable: true,
    }),
  }),
});
