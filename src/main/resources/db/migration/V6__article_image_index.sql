-- Every request for a feature image asks whether a live article shows it.
CREATE INDEX article_image_ix ON article (image_id);
