/**
 * The geographic layout's projection: equirectangular, longitude shrunk by the cosine of the
 * mean latitude of the places laid out. The ward boundaries drawn under the map use the one the
 * last geographic layout used, so they line up with its places.
 */
export interface Projection { point(lon: number, lat: number): { x: number; y: number } }

/** Model units per degree of latitude. */
const SCALE = 40000;

export function projection(lat0: number): Projection {
  const k = Math.cos((lat0 * Math.PI) / 180);
  return { point: (lon, lat) => ({ x: lon * SCALE * k, y: -lat * SCALE }) };
}

let last: Projection | undefined;

/** The projection of the last geographic layout, if one ran and placed any place. */
export const lastProjection = (): Projection | undefined => last;
export const setLastProjection = (p: Projection | undefined): void => { last = p; };
