-- Contact persons get a row version like needs, offers and profiles, so PATCH and DELETE can
-- demand If-Match and answer 412 when the row changed: two officials editing the same contact
-- never silently overwrite each other. Existing rows start at version 1.
ALTER TABLE contact_persons ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1;
