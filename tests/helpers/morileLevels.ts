/**
 * A theme's levels on a MoRiLE sheet, in template order: the six harm factors (physical,
 * psychological, financial, community and environment, geographic scope, vulnerability), then
 * likelihood, confidence, capacity and capability. A high theme and a low one.
 */
export const HIGH_LEVELS = [
  "Substantial",
  "Moderate",
  "Low",
  "Moderate",
  "Low",
  "Substantial",
  "Likely",
  "High",
  "Limited",
  "Adequate",
];
export const LOW_LEVELS = ["Low", "Low", "Low", "Low", "Low", "Low", "Possible", "Medium", "Strong", "Strong"];
