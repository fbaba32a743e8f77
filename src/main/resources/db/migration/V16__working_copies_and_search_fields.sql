-- A live article's working copy (article.WorkingCopy): the change an editor saved without putting it
-- live, as the revision snapshot it would make, until "Update live" (or its time, when scheduled)
-- applies it or "Discard" drops it. One per article: readers never see it.
CREATE TABLE article_working_copy (
    article_id BIGINT        NOT NULL PRIMARY KEY,
    snapshot   VARCHAR(1000000) NOT NULL,
    saved_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    saved_by   VARCHAR(80)   NOT NULL,
    -- Set for a scheduled update: the time it goes live.
    go_live_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT article_working_copy_article_fk FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE
);
CREATE INDEX article_working_copy_due_ix ON article_working_copy (go_live_at);

-- What search engines and link previews show instead of the headline and standfirst, when set.
ALTER TABLE article ADD COLUMN seo_title VARCHAR(200);
ALTER TABLE article ADD COLUMN seo_description VARCHAR(300);
-- The picture link previews show instead of the feature image; an image request asks about it too.
ALTER TABLE article ADD COLUMN social_image_id BIGINT;
ALTER TABLE article ADD CONSTRAINT article_social_image_fk FOREIGN KEY (social_image_id) REFERENCES image (id);
CREATE INDEX article_social_image_ix ON article (social_image_id);
