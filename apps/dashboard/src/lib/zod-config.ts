import { z } from "zod";

// Zod compiles object parsers with `new Function` when it may; to find out it tries once, and
// under the API's Content-Security-Policy (no 'unsafe-eval') that try is a reported violation.
// The interpreted parsers are fast enough for a dashboard's payloads. Imported first by main.tsx,
// before anything parses.
z.config({ jitless: true });
