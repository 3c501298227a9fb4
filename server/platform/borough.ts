/**
 * The borough the deployment serves, as configuration: its name, whether its records are
 * synthetic, the national comparators the pack may print (each with its source and year, or
 * none), and optionally its ward boundaries. Read from the JSON file BOROUGH_CONFIG names
 * (config/borough.json by default: the synthetic borough); paths inside it are relative to that
 * file. A deployment changes the file, not the code. config/README.md describes every field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { config } from './config';

const comparator = z.object({
  /** A share between 0 and 1. */
  value: z.number().min(0).max(1),
  /** Who published the figure and where, as a reader should find it. */
  source: z.string().trim().min(1),
  /** The year (or financial year, e.g. 2023-24) the figure describes. */
  year: z.union([z.string().trim().min(1), z.number().int()]).transform(String),
}).strict();

export type Comparator = z.infer<typeof comparator>;

/** The national comparators the pack knows; a missing or null comparator is left out of the pack. */
const comparators = z.object({
  /** Of return home interviews completed, the share completed within 72 hours of the child's return. */
  returnInterviewsCompletedWithin72Hours: comparator.nullable().default(null),
}).strict();

/**
 * One of the strategy's priorities: the pack gives it a section of its own with the strategy
 * measures it names and links to the sections with the detail (both checked by the briefing).
 */
const priority = z.object({
  /** As the strategy words it, e.g. "Keep children in education". */
  title: z.string().trim().min(1),
  /** One or two sentences: what the partnership means to achieve under it. */
  aim: z.string().trim().min(1),
  /** Rows of the pack's strategy-measures table that report on it. */
  measures: z.array(z.string().trim().min(1)).default([]),
  /** Ids of the pack's sections that hold its detail. */
  sections: z.array(z.string().trim().min(1)).default([]),
}).strict();

export type Priority = z.infer<typeof priority>;

const schema = z.object({
  /** The borough's name as the pack prints it. */
  name: z.string().trim().min(1),
  /** True when the records are generated: the pack says so and that no real person is described. */
  synthetic: z.boolean(),
  comparators: comparators.prefault({}),
  /** A GeoJSON FeatureCollection of ward polygons (a `name` property each), drawn under the pack's map. */
  wardBoundaries: z.string().trim().min(1).optional(),
  /** The strategy's priorities, in the strategy's order (none: the pack has no priority sections). */
  priorities: z.array(priority).default([]),
  /** The population baseline's files, loaded by `npm run baseline` (server/modules/import/census-population.ts). */
  populationBaseline: z.object({
    /** A Census 2021 table of usual residents by age (and sex and ethnic group), in the ONS download layout. */
    census: z.string().trim().min(1),
    /** Local counts the Census does not hold (SEN provision, care status): Dimension, Category, Observation. */
    local: z.string().trim().min(1).optional(),
    /** What the figures are, as the pack prints it under "Population baseline". */
    description: z.string().trim().min(1),
  }).strict().optional(),
}).strict();

/** Where the population baseline's files are (absolute paths), and how the pack describes them. */
export interface BaselineFiles { census: string; local?: string; description: string }

/** A ward: its name and polygons, each a list of rings of [longitude, latitude] (GeoJSON order). */
export interface Ward { name: string; polygons: Array<Array<Array<[number, number]>>> }

export interface Borough {
  name: string;
  synthetic: boolean;
  comparators: z.infer<typeof comparators>;
  /** Ward boundaries, empty when none are configured. */
  wards: Ward[];
  /** The population baseline's files, when configured. */
  populationBaseline?: BaselineFiles;
  priorities: Priority[];
  /** The file it was read from. */
  file: string;
}

const position = z.tuple([z.number(), z.number()]).rest(z.number()).transform(([lon, lat]) => [lon, lat] as [number, number]);
const ring = z.array(position).min(4);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
const wardCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({
    type: z.literal('Feature'),
    properties: z.looseObject({ name: z.string().trim().min(1) }),
    geometry,
  })).min(1),
});

const fail = (file: string, problems: string): never => { throw new Error(`Invalid borough configuration ${file}: ${problems}`); };
const issues = (e: z.ZodError): string => e.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return fail(file, `cannot read the ${what} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    return fail(file, `the ${what} is not JSON (${(e as Error).message})`);
  }
}

/** Ward polygons of a GeoJSON file, checked: positions are WGS 84 [longitude, latitude]. */
export function readWards(file: string): Ward[] {
  const parsed = wardCollection.safeParse(readJson(file, 'ward boundaries'));
  if (!parsed.success) return fail(file, issues(parsed.error));
  return parsed.data.features.map((f) => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const [lon, lat] of polygons.flat(2)) {
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        fail(file, `ward "${f.properties.name}" has the position [${lon}, ${lat}], not a longitude and latitude (GeoJSON wants WGS 84 [longitude, latitude]; reproject from British National Grid first)`);
      }
    }
    return { name: f.properties.name, polygons };
  });
}

/** Reads and checks a borough file; throws naming the file and every problem. */
/** A borough file's mistake found by a reader that knows more (the briefing): names the file and field. */
export function boroughError(file: string, field: string, problem: string): Error {
  return new Error(`Invalid borough configuration ${file}: ${field}: ${problem}`);
}

export function readBorough(file: string): Borough {
  const parsed = schema.safeParse(readJson(file, 'borough file'));
  if (!parsed.success) return fail(file, issues(parsed.error));
  const b = parsed.data;
  const near = (p: string): string => path.resolve(path.dirname(file), p);
  const wards = b.wardBoundaries ? readWards(near(b.wardBoundaries)) : [];
  const pb = b.populationBaseline;
  const populationBaseline = pb ? { census: near(pb.census), ...(pb.local ? { local: near(pb.local) } : {}), description: pb.description } : undefined;
  return { name: b.name, synthetic: b.synthetic, comparators: b.comparators, wards, ...(populationBaseline ? { populationBaseline } : {}), priorities: b.priorities, file };
}

let cached: Borough | undefined;

/** The configured borough, read once. */
export function borough(): Borough {
  if (!cached) cached = readBorough(path.resolve(config().BOROUGH_CONFIG));
  return cached;
}

/** For tests and launchers that change BOROUGH_CONFIG after start-up. */
export function resetBorough(): void {
  cached = undefined;
}
