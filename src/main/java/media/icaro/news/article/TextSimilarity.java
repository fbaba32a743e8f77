package media.icaro.news.article;

import java.util.List;
import java.util.Map;

/**
 * Stories whose text resembles a given story's, for the related-story scorer. The search index
 * provides it; without one (or before it is built), related stories rest on tags, section and time.
 */
public interface TextSimilarity {

    /** How alike a story's text is: {@code score} from 0 to 1 (1 for the closest), and the words they share. */
    record TextMatch(double score, List<String> sharedTerms) {
    }

    /** Up to {@code limit} stories most like article {@code articleId}, by id; empty when it is not indexed. */
    Map<Long, TextMatch> similarTo(long articleId, int limit);
}
