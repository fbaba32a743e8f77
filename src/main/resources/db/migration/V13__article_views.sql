-- "Most read": how many times readers opened each article, per hour (UTC), added up from every
-- instance's counts every minute or so (popular.ViewSharing) and read back as the last 24 hours'
-- ranking (popular.MostRead). Nothing about the readers is kept. Hours older than two days are deleted.
CREATE TABLE article_view (
    hour_start TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    article_id BIGINT NOT NULL,
    views      BIGINT NOT NULL,
    CONSTRAINT article_view_pk PRIMARY KEY (hour_start, article_id),
    CONSTRAINT article_view_article_fk FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE
);
