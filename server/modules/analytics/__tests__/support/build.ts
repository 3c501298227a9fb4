/** Tiny hand-built graphs for analytics tests: rows through the real loader. */
import type { LoadUnit, NodeRow, RelRow } from '../../../../model/types';

export const PROV = {
  source: 'POLICE', sourceRef: 'TEST-1', recordedAt: '2025-01-01T00:00:00Z', gradingScheme: '3x5x2',
  sourceEval: 'A', assessment: '1', handling: 'P', reviewBy: '2027-01-01', status: 'confirmed',
};

export class GraphBuilder {
  private nodes = new Map<string, NodeRow[]>();
  private rels = new Map<string, RelRow[]>();
  private n = 0;

  node(label: string, row: NodeRow): string {
    if (!this.nodes.has(label)) this.nodes.set(label, []);
    this.nodes.get(label)!.push(row);
    return row.id;
  }
  child(id: string, dob = '2010-03-01', extra: Partial<NodeRow> = {}): string {
    return this.node('Person', { id, name: `Test Child ${id}`, dateOfBirth: dob, sex: 'MALE', ethnicity: 'WHITE_BRITISH', source: 'SOCIAL_CARE', roles: ['YoungPerson'], ...extra });
  }
  adult(id: string, dob = '1990-01-01'): string {
    return this.node('Person', { id, name: `Test Adult ${id}`, dateOfBirth: dob, sex: 'MALE', ethnicity: 'NOT_STATED', source: 'POLICE', roles: ['PersonOfConcern'] });
  }
  place(id: string, kind = 'park'): string {
    return this.node('Location', { id, name: `Test Place ${id}`, kind, lat: 51.5, lon: -0.1, ward: 'Test Ward', source: 'POLICE' });
  }
  event(label: string, id: string, occurredAt: string, props: Record<string, unknown> = {}): string {
    return this.node(label, { id, occurredAt, ...PROV, recordedAt: occurredAt, ...props } as NodeRow);
  }
  rel(type: string, from: string, to: string, props: Record<string, unknown> = {}): string {
    const id = `r${++this.n}`;
    if (!this.rels.has(type)) this.rels.set(type, []);
    this.rels.get(type)!.push({ id, from, to, ...PROV, ...props } as RelRow);
    return id;
  }
  involve(eventId: string, personId: string, role: string): string {
    return this.rel('INVOLVED', eventId, personId, { role });
  }
  units(): LoadUnit[] {
    return [
      ...[...this.nodes].map(([label, rows]): LoadUnit => ({ kind: 'node', label, rows, origin: `${label}.test` })),
      ...[...this.rels].map(([type, rows]): LoadUnit => ({ kind: 'rel', type, rows, origin: `${type}.test` })),
    ];
  }
}
