-- Listings read the newest live stories first. H2 reads an index in order only forwards, so without
-- these it read and sorted every live story for each listing (at 10,000 stories, a front page took
-- 200 ms and 32 of them at once ran the heap out). The queries order by the equality columns too
-- (section, status), which lets H2 walk these in order; PostgreSQL uses them as well.
CREATE INDEX article_live_newest_ix ON article (status, published_at DESC, id DESC);
CREATE INDEX article_section_live_newest_ix ON article (section_id, status, published_at DESC, id DESC);
