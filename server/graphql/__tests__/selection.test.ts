import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { mayAskFor } from '../selection';

/** The top field of a query, as a resolver's info.fieldNodes would hold it. */
const top = (q: string) => ({ fieldNodes: [(parse(q).definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode] });

describe('mayAskFor', () => {
  it('follows field names (aliases included) down the path', () => {
    expect(mayAskFor(top('{ accessLog { entries { seq ids } } }'), ['entries', 'ids'])).toBe(true);
    expect(mayAskFor(top('{ accessLog { entries { seq idCount } } }'), ['entries', 'ids'])).toBe(false);
    expect(mayAskFor(top('{ accessLog { nextBefore } }'), ['entries', 'ids'])).toBe(false);
    expect(mayAskFor(top('{ accessLog { e: entries { x: ids } } }'), ['entries', 'ids'])).toBe(true);
  });

  it('answers yes where a fragment could hide the field', () => {
    expect(mayAskFor(top('{ accessLog { entries { ...F } } } fragment F on AccessLogEntry { ids }'), ['entries', 'ids'])).toBe(true);
    expect(mayAskFor(top('{ accessLog { entries { ... on AccessLogEntry { seq } } } }'), ['entries', 'ids'])).toBe(true);
  });
});
