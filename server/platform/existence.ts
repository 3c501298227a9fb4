/**
 * Existence is information. A role learns that records it may not see exist only where the
 * capability table gives it 'exists:hidden-links', and then as one bit about the records it asked
 * about: never a count, which could be broken down by filters, types or gradings, or walked over
 * ids and name prefixes.
 */
import type { User } from './context';
import { can } from './policy';

export const mayKnowHiddenLinks = (user: User): boolean => can(user, 'exists:hidden-links');

/** The hiddenByAccess figure an answer carries: 1 when hidden links exist and the role may know, else 0. */
export const hiddenLinksIndicator = (user: User, hiddenLinks: boolean): number => (hiddenLinks && mayKnowHiddenLinks(user) ? 1 : 0);
