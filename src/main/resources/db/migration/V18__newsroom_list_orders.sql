-- The newsroom's article list pages by keyset in three orders, each ending on the id, and reads each
-- page through an index in that order instead of sorting the table (H2 and PostgreSQL read these
-- backwards for a "Previous" page). Last change: article_modified_ix (V3), and, for its common filters
-- (the list puts the filtered column first in its ORDER BY), by status, by section and by creator
-- (a contributor's own list). Publication time: newest first, never-published articles last.
CREATE INDEX article_status_modified_ix ON article (status, modified_at, id);
CREATE INDEX article_section_modified_ix ON article (section_id, modified_at, id);
CREATE INDEX article_creator_modified_ix ON article (created_by, modified_at, id);
CREATE INDEX article_published_nulls_last_ix ON article (published_at DESC NULLS LAST, id DESC);
CREATE INDEX article_headline_ix ON article (headline, id);
