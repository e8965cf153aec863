import {
  countsAsPartnership,
  type Hromada,
  type HromadaProfile,
  type MatchParty,
  type Need,
  type Offer,
  type PairRef,
  type Partner,
  type PartnerProfile,
  type Tie,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";

/** Every profile the matching engine needs, loaded in one pass over the catalogue. */
export interface MatchingCatalogue {
  /** All hromadas (drafts too), sorted by id. */
  hromadas: HromadaProfile[];
  /** All partner municipalities (drafts too), sorted by id. */
  partners: PartnerProfile[];
  /** Ids of published profiles: only they are offered as candidates. */
  published: ReadonlySet<string>;
  /** Display data of every municipality, for responses. */
  parties: ReadonlyMap<string, MatchParty>;
  /** Pairs joined by a partnership that has not ended; matching excludes them. */
  existingPairs: PairRef[];
}

interface MunicipalityRow {
  id: string;
  kind: "hromada" | "partner";
  status: "draft" | "published";
  name: string;
  country: string;
  region_name: string;
  population: number | null;
  situation: Hromada["situation"]["category"] | null;
  data: Omit<Hromada, "contacts"> | Omit<Partner, "contacts">;
}

function groupBy<T>(list: readonly { municipality_id: string; data: T }[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of list) {
    const items = map.get(r.municipality_id);
    if (items) items.push(r.data);
    else map.set(r.municipality_id, [r.data]);
  }
  return map;
}

const byId = (a: { municipality: { id: string } }, b: { municipality: { id: string } }) =>
  a.municipality.id < b.municipality.id ? -1 : a.municipality.id > b.municipality.id ? 1 : 0;

/**
 * Loads the hromada and partner profiles of the whole catalogue: one query per table
 * (municipalities, needs, offers, ties, open partnerships), never one per row.
 */
export async function loadProfiles(db: Executor): Promise<MatchingCatalogue> {
  const [municipalities, needs, offers, ties, pairs] = await Promise.all([
    rows<MunicipalityRow>(
      db,
      sql`SELECT id, kind, status, coalesce(names->>'latin', names->>'en', names->>'local') AS name,
            country, region_name, population, situation, data
          FROM municipalities`,
    ),
    rows<{ municipality_id: string; data: Need }>(db, sql`SELECT municipality_id, data FROM needs`),
    rows<{ municipality_id: string; data: Offer }>(
      db,
      sql`SELECT municipality_id, data FROM offers`,
    ),
    rows<{ municipality_id: string; data: Tie }>(db, sql`SELECT municipality_id, data FROM ties`),
    rows<{ partnership_id: string; hromada_id: string; partner_id: string; stage: string }>(
      db,
      sql`SELECT p.id AS partnership_id, p.hromada_id, pp.municipality_id AS partner_id, p.stage
          FROM partnerships p JOIN partnership_partners pp ON pp.partnership_id = p.id
          WHERE p.stage <> 'ended'`,
    ),
  ]);
  const needsOf = groupBy(needs);
  const offersOf = groupBy(offers);
  const tiesOf = groupBy(ties);
  // A partnership with several partners counts once for its hromada and once for each partner.
  const countOf = new Map<string, Set<string>>();
  const count = (id: string, partnershipId: string) => {
    const set = countOf.get(id);
    if (set) set.add(partnershipId);
    else countOf.set(id, new Set([partnershipId]));
  };
  const seenPairs = new Set<string>();
  const existingPairs: PairRef[] = [];
  for (const r of pairs) {
    // A hromada "has a partner" past the first expression of interest (see has-partner.ts); a
    // partner's capacity is used from the first contact on.
    if (r.stage !== "interest") count(r.hromada_id, r.partnership_id);
    count(r.partner_id, r.partnership_id);
    const key = `${r.hromada_id}\u0000${r.partner_id}`;
    if (!seenPairs.has(key)) {
      seenPairs.add(key);
      existingPairs.push({ hromadaId: r.hromada_id, partnerId: r.partner_id });
    }
  }

  // Twin towns count as partnerships for the hromada (the one "has a partner" definition,
  // countsAsPartnership) and never use up a partner's capacity; a tie whose far end is linked to
  // a catalogue municipality is a known pair, never proposed as new.
  const kindOf = new Map(municipalities.map((m) => [m.id, m.kind]));
  const twinCount = new Map<string, number>();
  for (const r of ties) {
    const tie = r.data;
    if (!countsAsPartnership(tie)) continue;
    if (kindOf.get(r.municipality_id) === "hromada")
      twinCount.set(r.municipality_id, (twinCount.get(r.municipality_id) ?? 0) + 1);
    const linked = tie.linkedMunicipalityId;
    if (!linked) continue;
    const [hromadaId, partnerId] =
      kindOf.get(r.municipality_id) === "hromada"
        ? [r.municipality_id, linked]
        : [linked, r.municipality_id];
    if (kindOf.get(hromadaId) !== "hromada" || kindOf.get(partnerId) !== "partner") continue;
    const key = `${hromadaId}\u0000${partnerId}`;
    if (!seenPairs.has(key)) {
      seenPairs.add(key);
      existingPairs.push({ hromadaId, partnerId });
    }
  }

  const hromadas: HromadaProfile[] = [];
  const partners: PartnerProfile[] = [];
  const published = new Set<string>();
  const parties = new Map<string, MatchParty>();
  for (const m of municipalities) {
    if (m.status === "published") published.add(m.id);
    parties.set(m.id, {
      id: m.id,
      kind: m.kind,
      name: m.name,
      country: m.country,
      region: m.region_name,
      ...(m.population === null ? {} : { population: m.population }),
      ...(m.situation === null ? {} : { situation: m.situation }),
    });
    const partnershipCount = countOf.get(m.id)?.size ?? 0;
    // `data` is the validated entity without contacts (personal data lives elsewhere).
    if (m.kind === "hromada") {
      hromadas.push({
        municipality: { ...(m.data as Omit<Hromada, "contacts">), contacts: [] },
        needs: needsOf.get(m.id) ?? [],
        partnershipCount: partnershipCount + (twinCount.get(m.id) ?? 0),
        // What it offers back only scores learn-from; a hromada is never a partner in a round.
        offers: offersOf.get(m.id) ?? [],
      });
    } else {
      partners.push({
        municipality: { ...(m.data as Omit<Partner, "contacts">), contacts: [] },
        offers: offersOf.get(m.id) ?? [],
        ties: tiesOf.get(m.id) ?? [],
        partnershipCount,
      });
    }
  }
  hromadas.sort(byId);
  partners.sort(byId);
  return { hromadas, partners, published, parties, existingPairs };
}

/**
 * A cheap fingerprint of everything `loadProfiles` reads: row counts, version sums and the latest
 * update per table. Any insert, delete or versioned update changes it.
 */
export async function catalogueVersion(db: Executor): Promise<string> {
  const [row] = await rows<{ v: string }>(
    db,
    sql`SELECT concat_ws('|',
      (SELECT concat_ws(':', count(*), sum(version), max(updated_at)) FROM municipalities),
      (SELECT concat_ws(':', count(*), sum(version), max(updated_at)) FROM needs),
      (SELECT concat_ws(':', count(*), sum(version), max(updated_at)) FROM offers),
      (SELECT concat_ws(':', count(*), sum(version), max(updated_at)) FROM ties),
      (SELECT concat_ws(':', count(*), sum(version), max(updated_at)) FROM partnerships)) AS v`,
  );
  return row?.v ?? "";
}
