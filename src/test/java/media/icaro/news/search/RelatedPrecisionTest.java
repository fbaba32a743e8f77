package media.icaro.news.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import media.icaro.news.article.RelatedStories;

/**
 * Related stories on a small labelled corpus: five clearly separate topics, each spread over
 * several sections so that the section gives nothing away, and half the stories without tags, so
 * that only the text can relate them. The top three related links of each story should come from
 * its own topic for at least 80% of links.
 */
class RelatedPrecisionTest {

    record Labelled(String topic, long section, List<String> tags, String headline, String body) {
    }

    static final long POLITICS = 1;
    static final long WORLD = 2;
    static final long BUSINESS = 3;
    static final long SCIENCE = 4;

    static final List<Labelled> CORPUS = List.of(
            // Topic: central bank interest rates
            new Labelled("rates", BUSINESS, List.of("Interest rates"), "Central bank holds interest rates as inflation eases",
                    "The central bank kept its benchmark interest rate unchanged, saying inflation was easing but wage growth remained strong. Policymakers signalled that rate cuts could follow if consumer prices keep cooling."),
            new Labelled("rates", POLITICS, List.of(), "Finance minister welcomes the first rate cut in four years",
                    "The finance minister welcomed the central bank's decision to cut its benchmark interest rate by a quarter point. Mortgage holders should see lower monthly payments as inflation falls toward the target."),
            new Labelled("rates", WORLD, List.of(), "Markets bet on more rate cuts after soft inflation data",
                    "Bond yields fell as traders increased bets on interest rate cuts after inflation data came in softer than expected. Economists said the central bank may lower borrowing costs again in the autumn."),
            new Labelled("rates", BUSINESS, List.of("Interest rates", "Inflation"), "Mortgage rates fall as lenders price in central bank cuts",
                    "Lenders cut mortgage rates for a third week as money markets priced in further reductions in the central bank's benchmark rate. Inflation at its lowest level in three years eased pressure on borrowers."),
            new Labelled("rates", POLITICS, List.of(), "Opposition presses central bank on the pace of rate cuts",
                    "Opposition lawmakers questioned the central bank governor on why interest rate cuts were coming so slowly while inflation had already fallen. The governor said policymakers needed more evidence that price growth was under control."),
            new Labelled("rates", WORLD, List.of("Inflation"), "Eurozone inflation slows, strengthening the case for lower rates",
                    "Inflation across the eurozone slowed again last month, strengthening the case for the central bank to lower interest rates. Core prices, which strip out energy and food, also eased."),
            // Topic: glaciers and climate in the Alps
            new Labelled("glaciers", SCIENCE, List.of("Glaciers"), "Alpine glaciers lost a record share of their ice",
                    "Glaciers in the Alps lost a record share of their ice volume after a hot summer and a winter with little snow, glaciologists said. Meltwater streams swelled and several small glaciers have all but vanished."),
            new Labelled("glaciers", WORLD, List.of(), "Swiss village evacuated as melting glacier threatens a landslide",
                    "Residents of a Swiss mountain village were evacuated after scientists warned that a melting glacier above it could collapse. Rising temperatures in the Alps have thawed permafrost that holds slopes together."),
            new Labelled("glaciers", POLITICS, List.of("Climate change"), "Alpine nations agree to share glacier monitoring data",
                    "Ministers from the Alpine countries agreed to pool glacier monitoring data as ice melts faster than models predicted. Glaciologists will publish joint measurements of ice thickness and meltwater every summer."),
            new Labelled("glaciers", SCIENCE, List.of(), "Meltwater from shrinking glaciers changes Alpine rivers",
                    "Rivers fed by Alpine glaciers are carrying more meltwater in early summer and less in autumn, a study found. As the ice retreats, hydrologists expect late-summer flows to fall sharply within decades."),
            new Labelled("glaciers", WORLD, List.of("Glaciers", "Climate change"), "Ski resorts cover glaciers with blankets to slow the melt",
                    "Ski resorts in the Alps are covering parts of their glaciers with white fleece blankets to reflect sunlight and slow the summer melt. Glaciologists say the blankets help locally but cannot stop the retreat of the ice."),
            new Labelled("glaciers", SCIENCE, List.of(), "Permafrost thaw loosens rock on Alpine peaks, climbers warned",
                    "Mountain guides warned climbers that thawing permafrost and retreating glaciers have made rockfall more frequent on Alpine peaks. Several classic routes across glacier ice have become dangerous in summer."),
            // Topic: a football tournament
            new Labelled("football", WORLD, List.of("Football"), "Hosts open the tournament with a five-goal win",
                    "The hosts opened the football tournament with a five-goal win in front of a full stadium, their striker scoring twice. The coach praised the midfield for controlling the match from the first whistle."),
            new Labelled("football", BUSINESS, List.of(), "Tournament sponsors report record sales of replica shirts",
                    "Sponsors of the football tournament reported record sales of replica shirts as fans filled stadiums for the group matches. Broadcasters said audiences for the opening match were the largest in a decade."),
            new Labelled("football", POLITICS, List.of(), "City deploys extra police as fans gather for the knockout match",
                    "The city deployed extra police officers as thousands of football fans gathered in the old town before the knockout match. Officials said the stadium would open its gates three hours before kick-off."),
            new Labelled("football", WORLD, List.of("Football"), "Late penalty sends holders through to the quarter-finals",
                    "A penalty in the final minute of stoppage time sent the holders into the quarter-finals of the football tournament. The goalkeeper guessed the right way but could not keep out the striker's shot."),
            new Labelled("football", BUSINESS, List.of("Football"), "Broadcasters pay more for the next tournament's rights",
                    "Broadcasters agreed to pay more for the rights to show the next football tournament after record audiences for this summer's matches. Advertising slots during knockout games sold out within hours."),
            new Labelled("football", WORLD, List.of(), "Young midfielder named player of the tournament",
                    "A nineteen-year-old midfielder was named player of the football tournament after scoring three goals and creating four more. His coach said the teenager had matured in every match of the summer."),
            // Topic: a space mission to the Moon
            new Labelled("moon", SCIENCE, List.of("Space"), "Lunar probe lands on the far side of the Moon",
                    "A robotic probe landed on the far side of the Moon, where it will drill into the lunar soil and collect samples. Mission controllers confirmed the lander's solar panels had deployed and its antenna was sending data."),
            new Labelled("moon", WORLD, List.of(), "Moon samples begin their journey back to Earth",
                    "The ascent stage of the lunar probe lifted off from the Moon carrying samples of soil and rock, starting the journey back to Earth. It will dock with an orbiter before the return capsule heads home."),
            new Labelled("moon", BUSINESS, List.of("Space"), "Private lander company raises funds for a second lunar mission",
                    "A private company that built a lunar lander raised new funds for a second mission to the Moon. Its first lander touched down near the south pole but tipped over, limiting the time its instruments could send data."),
            new Labelled("moon", SCIENCE, List.of(), "Capsule with lunar soil lands safely in the desert",
                    "A return capsule carrying soil collected on the far side of the Moon landed safely in the desert, where recovery teams retrieved it by helicopter. Scientists will study the lunar samples for signs of ancient volcanic activity."),
            new Labelled("moon", POLITICS, List.of(), "Space agencies sign a pact on sharing lunar samples",
                    "Space agencies from several countries signed an agreement to share samples brought back from the Moon and to coordinate future lunar landings. The pact also sets rules for avoiding interference between probes on the lunar surface."),
            new Labelled("moon", SCIENCE, List.of("Space"), "Astronomers map water ice in craters near the lunar south pole",
                    "Astronomers mapped deposits of water ice inside shadowed craters near the lunar south pole, a likely target for future landers. Ice on the Moon could supply drinking water and rocket fuel for astronauts."),
            // Topic: a film festival
            new Labelled("film", WORLD, List.of("Cinema"), "Festival opens with a drama about a fishing family",
                    "The film festival opened with a drama about a fishing family struggling to keep its boat, and the director received a long ovation. Critics praised the cast and the black-and-white cinematography."),
            new Labelled("film", BUSINESS, List.of(), "Distributors compete for festival films after strong screenings",
                    "Distributors competed for the rights to several films after strong screenings at the festival, with one thriller sold to a streaming service. Sales agents said prices for independent cinema had recovered."),
            new Labelled("film", POLITICS, List.of(), "Culture minister pledges more funding for young film directors",
                    "The culture minister attended the film festival and pledged more public funding for first-time directors. Producers welcomed the money but said cinemas outside big cities also need support."),
            new Labelled("film", WORLD, List.of("Cinema"), "Documentary about a mountain choir wins the festival's top prize",
                    "A documentary about a village choir in the mountains won the film festival's top prize, a first for a non-fiction film. The jury president said the director had filmed the singers with rare patience."),
            new Labelled("film", BUSINESS, List.of(), "Streaming service buys the festival's surprise hit",
                    "A streaming service bought the festival's surprise hit, a comedy about a wedding that goes wrong, after a late-night screening. The film's director said she had made it with friends on a tiny budget."),
            new Labelled("film", POLITICS, List.of("Cinema"), "Actors' union uses the festival to press for protections on AI",
                    "The actors' union used the film festival's red carpet to press studios for protections against the use of artificial intelligence to copy performances. Several stars of the festival's films joined the protest."));

    @Test
    void topThreeRelatedComeFromTheSameTopicForAtLeast80PercentOfLinks() throws Exception {
        Instant start = Instant.parse("2024-05-01T08:00:00Z");
        Instant now = start.plus(60, ChronoUnit.DAYS);
        Map<String, Long> tagIds = new HashMap<>();
        Map<Long, String> tagNames = new HashMap<>();
        List<RelatedStories.Story> stories = new ArrayList<>();
        List<SearchDocument> documents = new ArrayList<>();
        for (int i = 0; i < CORPUS.size(); i++) {
            Labelled l = CORPUS.get(i);
            long id = i + 1;
            // Topics interleave in time, so nearness in time gives nothing away either.
            Instant published = start.plus(i * 37L % 50, ChronoUnit.HOURS).plus((i % 7) * 2L, ChronoUnit.DAYS);
            Set<Long> tags = new java.util.HashSet<>();
            for (String tag : l.tags()) {
                long tagId = tagIds.computeIfAbsent(tag, t -> (long) tagIds.size() + 100);
                tagNames.put(tagId, tag);
                tags.add(tagId);
            }
            stories.add(new RelatedStories.Story(id, l.section(), "Section " + l.section(), tags, published));
            documents.add(new SearchDocument(id, l.headline(), null, l.body(), l.tags(), List.of("Reporter"), "s", "Section",
                    "/s/" + id, published, published));
        }
        RelatedStories related = new RelatedStories(stories, tagNames);
        int links = 0;
        int sameTopic = 0;
        int baselineSameTopic = 0;
        try (LuceneIndex index = new LuceneIndex(new ByteBuffersDirectory())) {
            index.replaceAll(documents, now);
            for (RelatedStories.Story story : stories) {
                var picks = related.relatedTo(story, List.of(), 3, now, index.similarTo(story.id(), 20));
                links += picks.size();
                sameTopic += onTopic(story, picks);
                baselineSameTopic += onTopic(story, related.relatedTo(story, List.of(), 3, now));
            }
        }
        double precision = (double) sameTopic / links;
        System.out.printf("Related-story precision on the labelled corpus: %d of %d top-3 links on topic (%.1f%%);"
                + " without text similarity: %d (%.1f%%)%n", sameTopic, links, 100 * precision, baselineSameTopic,
                100.0 * baselineSameTopic / links);
        assertTrue(links >= CORPUS.size() * 3 - 3, "nearly every story gets three related links: " + links);
        assertTrue(precision >= 0.8, "precision " + precision);
        assertTrue(sameTopic > baselineSameTopic, "text similarity helps");
    }

    private static int onTopic(RelatedStories.Story story, List<RelatedStories.Pick> picks) {
        String topic = CORPUS.get((int) story.id() - 1).topic();
        return (int) picks.stream().filter(p -> CORPUS.get((int) p.id() - 1).topic().equals(topic)).count();
    }
}
