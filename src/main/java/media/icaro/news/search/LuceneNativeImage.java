package media.icaro.news.search;

import org.apache.lucene.analysis.tokenattributes.BytesTermAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.CharTermAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.FlagsAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.KeywordAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.OffsetAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.PackedTokenAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.PayloadAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.SentenceAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.TypeAttributeImpl;
import org.apache.lucene.codecs.lucene90.Lucene90DocValuesFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99ScalarQuantizedVectorsFormat;
import org.apache.lucene.search.BoostAttributeImpl;
import org.apache.lucene.search.MaxNonCompetitiveBoostAttributeImpl;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native image must keep for Lucene, which finds by name what the JVM finds by itself:
 * its codecs and formats through {@code ServiceLoader} (the {@code META-INF/services} files are
 * included by {@code quarkus.native.resources.includes}; Quarkus turns GraalVM's automatic
 * service registration off) and each token attribute's implementation, which
 * {@code AttributeFactory} looks up as the attribute's name plus "Impl" and constructs reflectively.
 * The JVM build ignores this class.
 */
@RegisterForReflection(targets = {
        Lucene912Codec.class, Lucene912PostingsFormat.class, Lucene90DocValuesFormat.class,
        Lucene99HnswVectorsFormat.class, Lucene99HnswScalarQuantizedVectorsFormat.class,
        Lucene99ScalarQuantizedVectorsFormat.class,
        SortField.Provider.class, SortedNumericSortField.Provider.class, SortedSetSortField.Provider.class,
        PackedTokenAttributeImpl.class, CharTermAttributeImpl.class, OffsetAttributeImpl.class,
        PositionIncrementAttributeImpl.class, PositionLengthAttributeImpl.class, TypeAttributeImpl.class,
        TermFrequencyAttributeImpl.class, KeywordAttributeImpl.class, FlagsAttributeImpl.class,
        PayloadAttributeImpl.class, BytesTermAttributeImpl.class, SentenceAttributeImpl.class,
        BoostAttributeImpl.class, MaxNonCompetitiveBoostAttributeImpl.class })
final class LuceneNativeImage {

    private LuceneNativeImage() {
    }
}
