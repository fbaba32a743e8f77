-- Stories an editor never wants in an article's Related block (article.RelatedExclusions), whatever
-- the scorer thinks of them.
CREATE TABLE article_related_exclusion (
    article_id  BIGINT       NOT NULL,
    excluded_id BIGINT       NOT NULL,
    excluded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    excluded_by VARCHAR(100) NOT NULL,
    CONSTRAINT article_related_exclusion_pk PRIMARY KEY (article_id, excluded_id),
    CONSTRAINT article_related_exclusion_article_fk FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE,
    CONSTRAINT article_related_exclusion_excluded_fk FOREIGN KEY (excluded_id) REFERENCES article (id) ON DELETE CASCADE
);
CREATE INDEX article_related_exclusion_excluded_ix ON article_related_exclusion (excluded_id);
