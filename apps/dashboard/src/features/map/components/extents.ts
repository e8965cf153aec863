/** Ukraine's extent (lon, lat): the fit when no oblast shapes are available, and part of Europe's fit. */
export const UKRAINE_EXTENT: [[number, number], [number, number]] = [
  [22, 44.3],
  [40.3, 52.4],
];
