// The one place the dashboard takes the data attribution from; core owns the wording.
export { REFERENCE_ATTRIBUTION } from "@pobratym/core";
