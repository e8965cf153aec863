// The public API of @pobratym/core/demo: the built-in demo dataset, kept out of the root entry so
// that an application importing the model or the matching engine does not ship it.

export type { DemoDataset } from "./demo/demo-dataset";
export { DEMO_DATASET } from "./demo/demo-dataset";
