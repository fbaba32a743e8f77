-- The body's first paragraph as plain text, worked out at save time: what describes an article
-- without a standfirst (meta description, social cards, feeds). Rows saved before this migration
-- are filled in at start (article/BodySummaries).
ALTER TABLE article ADD COLUMN body_summary VARCHAR(400);
