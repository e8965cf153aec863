import { z } from "zod";

// Zod compiles object parsers with `new Function` when it may; to find out it tries once, and
// under the API's Content-Security-Policy (no 'unsafe-eval') that try is a reported violation.
// The interpreted parsers are fast enough for a dashboard's payloads. Zod probes when a schema is
// built, and the shared chunks build core's schemas before main.tsx's own body runs, so the build
// puts this module in zod's own chunk (vite.config.ts): it runs as soon as zod has loaded.
z.config({ jitless: true });
