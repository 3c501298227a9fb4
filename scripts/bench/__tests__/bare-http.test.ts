/** The API benchmark's bare HTTP reference: the service's answer in the API's body shape, over the benchmark's own client. */
import { postBytes, WireConnection } from '../http-wire-lib';
import { startBareHttp, type BareHandler } from '../bare-http-lib';

describe('startBareHttp', () => {
  const calls: Array<{ variables: unknown; justification: string }> = [];
  const handle: BareHandler = async (variables, justification) => {
    calls.push({ variables, justification });
    if (variables.ids[0] === 'fails') throw new Error('no such record');
    return { nodes: variables.ids.map((id) => ({ id })), edges: [], hops: variables.hops };
  };
  let bare: Awaited<ReturnType<typeof startBareHttp>>;
  beforeAll(async () => { bare = await startBareHttp(handle); });
  afterAll(() => bare.close());

  const post = async (conn: WireConnection, ids: string[]) => {
    const url = new URL(bare.url);
    const res = await conn.request(postBytes(url, { 'content-type': 'application/json', 'x-justification': 'CASE-1' }, JSON.stringify({ query: 'ignored', variables: { ids, hops: 2 } })));
    return { status: res.status, body: JSON.parse(res.body.toString('utf8')) as unknown };
  };

  it('answers with the API body shape, passing the variables and the justification header on', async () => {
    const conn = await WireConnection.open(new URL(bare.url));
    try {
      // Two on one keep-alive connection, as the load client sends them.
      expect(await post(conn, ['yp-1'])).toEqual({ status: 200, body: { data: { neighbourhood: { nodes: [{ id: 'yp-1' }], edges: [], hops: 2 } } } });
      expect(await post(conn, ['yp-2', 'pl-3'])).toEqual({ status: 200, body: { data: { neighbourhood: { nodes: [{ id: 'yp-2' }, { id: 'pl-3' }], edges: [], hops: 2 } } } });
    } finally {
      conn.close();
    }
    expect(calls.slice(-2)).toEqual([
      { variables: { ids: ['yp-1'], hops: 2 }, justification: 'CASE-1' },
      { variables: { ids: ['yp-2', 'pl-3'], hops: 2 }, justification: 'CASE-1' },
    ]);
  });

  it('answers a failing service with a 500 and its message, and keeps serving', async () => {
    const conn = await WireConnection.open(new URL(bare.url));
    try {
      expect(await post(conn, ['fails'])).toEqual({ status: 500, body: { errors: [{ message: 'no such record' }] } });
      expect((await post(conn, ['yp-4'])).status).toBe(200);
    } finally {
      conn.close();
    }
  });
});
