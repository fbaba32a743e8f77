-- The newsroom's article list and the API's list page by last change: (modified_at, id), newest first.
CREATE INDEX article_modified_ix ON article (modified_at, id);
