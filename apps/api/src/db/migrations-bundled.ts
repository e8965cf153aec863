// Migrations inlined as text for runtimes without a file system (the edge bundle). tsup loads
// `.sql` files as text; add each new migration here as well as in migrations/.

import type { Migration } from "./migrate";
import init from "./migrations/0001_init.sql";
import searchTrigram from "./migrations/0002_search_trigram.sql";
import partnershipListOrder from "./migrations/0003_partnership_list_order.sql";
import contactVersions from "./migrations/0004_contact_versions.sql";
import referenceImports from "./migrations/0005_reference_imports.sql";
import demoApart from "./migrations/0006_demo_apart.sql";
import matchingSettings from "./migrations/0007_matching_settings.sql";

export const EDGE_MIGRATIONS: readonly Migration[] = [
  { name: "0001_init.sql", sql: init },
  { name: "0002_search_trigram.sql", sql: searchTrigram },
  { name: "0003_partnership_list_order.sql", sql: partnershipListOrder },
  { name: "0004_contact_versions.sql", sql: contactVersions },
  { name: "0005_reference_imports.sql", sql: referenceImports },
  { name: "0006_demo_apart.sql", sql: demoApart },
  { name: "0007_matching_settings.sql", sql: matchingSettings },
];
