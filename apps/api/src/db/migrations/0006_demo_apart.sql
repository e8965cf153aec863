-- The demo dataset and the real catalogue never mix. pobratym_remove_demo() takes the demo out of
-- a database that also holds, or is about to hold, the reference catalogue:
-- - the demo's invented activity goes: its needs, offers, ties and partnerships (ids `demo-…`,
--   with their "by demo" stage history); the partnerships public reporting names come back as
--   facts (ids `reported-…`, with their source and no invented dates) when the server starts on
--   the real catalogue;
-- - the demo's municipalities are real ones (merged by official code), so they stay, without what
--   the demo invented for them: descriptions, extra working languages, experience, political
--   decision and capacity. They become reference rows; the next import refreshes their figures.
-- Start-up calls it before importing; this migration calls it for a database that already holds
-- demo rows mixed with the reference catalogue.
CREATE OR REPLACE FUNCTION pobratym_remove_demo() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  cleaned integer;
BEGIN
  DELETE FROM partnerships WHERE id LIKE 'demo-%';
  DELETE FROM needs WHERE id LIKE 'demo-%';
  DELETE FROM offers WHERE id LIKE 'demo-%';
  DELETE FROM ties WHERE id LIKE 'demo-%';
  UPDATE municipalities
  SET source = 'reference',
      capacity = CASE WHEN kind = 'partner' THEN 1 ELSE capacity END,
      data = (data - 'description')
        || jsonb_build_object(
          'workingLanguages',
          CASE country WHEN 'UA' THEN '["uk"]'::jsonb WHEN 'SE' THEN '["sv"]'::jsonb
            WHEN 'NO' THEN '["nb"]'::jsonb ELSE data -> 'workingLanguages' END)
        || CASE WHEN kind = 'partner'
             THEN '{"capacity": 1, "politicalDecision": false}'::jsonb
             ELSE '{"internationalExperience": false}'::jsonb END,
      version = version + 1
  WHERE source = 'demo';
  GET DIAGNOSTICS cleaned = ROW_COUNT;
  RETURN cleaned;
END
$$;

SELECT pobratym_remove_demo()
WHERE EXISTS (SELECT 1 FROM municipalities WHERE source = 'reference')
  AND EXISTS (SELECT 1 FROM municipalities WHERE source = 'demo');
