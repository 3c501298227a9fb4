/**
 * Every example the data dictionary prints is a value the import accepts for its field: the
 * dictionary's tables are read as printed, and for each record type of a template a row made of
 * the required fields' examples plus one field's example (and that of a field it says it needs,
 * "with ageOn") goes through the template's mapping
 * (convertRow) and the model's validation (validateNode / validateRel).
 */
import { TEMPLATES, TemplateDef } from '../templates';
import { dataDictionary } from '../dictionary';
import { templateMapping } from '../mapping';
import { convertRow } from '../convert';
import { validateNode, validateRel } from '../../../model/validate';
import type { NodeRow, RelRow } from '../../../model/types';

interface DictRow { field: string; text: string; required: string; example: string; appliesTo: string }

/** The rows of each template's table in the dictionary, by template name. */
function printedTables(): Map<string, DictRow[]> {
  const out = new Map<string, DictRow[]>();
  let current: DictRow[] | undefined;
  for (const line of dataDictionary().split('\n')) {
    const heading = /^## ([a-z-]+)\.csv:/.exec(line);
    if (heading) { current = []; out.set(heading[1], current); continue; }
    if (!current || !line.startsWith('| ') || line.startsWith('| field |')) continue;
    const cells = line.slice(2, -2).split(/ (?<!\\)\| /).map((c) => c.replace(/\\\|/g, '|').trim());
    current.push({ field: cells[0], text: `${cells[1]} ${cells[2]}`, required: cells[3], example: cells[4], appliesTo: cells[5] });
  }
  return out;
}

const applies = (r: DictRow, type: string): boolean => r.appliesTo === 'all' || r.appliesTo.split(', ').includes(type);
const requiredFor = (r: DictRow, type: string): boolean => r.required === 'yes' || (r.required.startsWith('for ') && r.required.slice(4).split(', ').includes(type));

/** Problems with one row of examples: conversion issues, or the validator's refusal. */
function problems(t: TemplateDef, values: Record<string, string>): string[] {
  const { records, issues } = convertRow(`${t.name}.csv`, 1, values, templateMapping(t));
  const found = issues.map((i) => `${i.column}: ${i.reason}`);
  for (const r of records) {
    try {
      if (r.kind === 'node') validateNode(r.type, r.data as NodeRow, { file: r.file, row: r.row });
      else validateRel(r.type, r.data as RelRow, { file: r.file, row: r.row });
    } catch (e) {
      found.push((e as Error).message);
    }
  }
  return found;
}

const tables = printedTables();

describe('the data dictionary prints valid examples', () => {
  it('has a table for every template', () => {
    expect([...tables.keys()].sort()).toEqual(TEMPLATES.map((t) => t.name).sort());
  });

  it.each(TEMPLATES.map((t) => [t.name, t] as const))('%s: each example is accepted for its field', (name, t) => {
    const rows = tables.get(name)!;
    const failures: string[] = [];
    for (const type of t.types) {
      const base: Record<string, string> = {};
      for (const r of rows) if (requiredFor(r, type) && applies(r, type)) base[r.field] = r.example;
      if (t.typeColumn) base[t.typeColumn] = type;
      for (const r of rows.filter((x) => applies(x, type) && x.example !== '' && x.field !== t.typeColumn)) {
        const needs = rows.filter((x) => new RegExp(`\\(with ${x.field}\\b`).test(r.text));
        const row = { ...base, ...Object.fromEntries(needs.map((x) => [x.field, x.example])), [r.field]: r.example };
        for (const p of problems(t, row)) failures.push(`${type}.${r.field} = ${JSON.stringify(r.example)}: ${p}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a coded field shows one of its codes, where a field of the same name elsewhere is free text', () => {
    const rhi = tables.get('return-interviews')!.find((r) => r.field === 'outcome')!;
    expect(['completed', 'declined', 'offered_not_taken_up', 'not_offered']).toContain(rhi.example);
    const referral = tables.get('referrals')!.find((r) => r.field === 'outcome')!;
    expect(referral.example).toBe('Plan reviewed');
  });

  it('the type column shows one of its record types', () => {
    for (const t of TEMPLATES.filter((x) => x.typeColumn)) {
      expect(t.types).toContain(tables.get(t.name)!.find((r) => r.field === t.typeColumn)!.example);
    }
  });
});
