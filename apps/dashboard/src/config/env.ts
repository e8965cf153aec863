// Parsed once. The API lives on the same origin in production; a base URL is only for odd deployments.
const base = import.meta.env.VITE_API_BASE_URL;

/** Build-time settings of the dashboard. */
export const env = {
  apiBaseUrl: typeof base === "string" ? base.replace(/\/$/, "") : "",
} as const;
