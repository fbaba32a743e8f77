package media.icaro.news.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;

import media.icaro.news.domain.ContentChanged;
import media.icaro.news.domain.Slugs;
import media.icaro.news.site.SiteConfig;

/**
 * Moving a site: the whole site out as one archive, and an archive into an empty site, all or
 * nothing. After an import every page, the navigation, related stories and the search index show
 * the imported content before the answer returns (one {@link ContentChanged#everything()}, which
 * other instances sharing the database follow too).
 * <p>
 * A site is empty while it holds only what its first start wrote (the seed and demo stories,
 * untouched): no article or save by anyone but the system, no correction, old address or image. An
 * import replaces that content, with the sections, authors and tags, by the archive's; accounts stay.
 */
@ApplicationScoped
public class TransferService {

    /** What the site holds, as the newsroom's transfer page shows it. */
    public record Overview(Map<String, Long> counts, long revisions, long corrections, boolean acceptsImport,
            String whyNotEmpty, long maxArchiveBytes) {

        public String maxArchiveSize() {
            return megabytes(maxArchiveBytes);
        }
    }

    /** What an import brought in, by record type; accounts already here were kept as they were. */
    public record ImportSummary(Map<String, Long> imported, List<String> accountsKept, List<String> accountsWithoutPassword) {
    }

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final TransferRepository rows;
    private final SiteExporter exporter;
    private final SiteImporter importer;
    private final Event<ContentChanged> changes;
    private final SiteConfig site;
    private final long maxArchiveBytes;
    private final int timeoutSeconds;
    /** One import at a time on this instance: a second one would find the site no longer empty anyway. */
    private final ReentrantLock importing = new ReentrantLock();

    TransferService(TransferRepository rows, SiteExporter exporter, SiteImporter importer, Event<ContentChanged> changes,
            SiteConfig site,
            @ConfigProperty(name = "news.transfer.max-archive-size", defaultValue = "256M") MemorySize maxArchiveSize,
            @ConfigProperty(name = "news.transfer.timeout", defaultValue = "PT1H") Duration timeout) {
        this.rows = rows;
        this.exporter = exporter;
        this.importer = importer;
        this.changes = changes;
        this.site = site;
        this.maxArchiveBytes = maxArchiveSize.asLongValue();
        this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, timeout.toSeconds());
    }

    public long maxArchiveBytes() {
        return maxArchiveBytes;
    }

    /** What an archive over the limit is told. */
    public String tooLargeMessage() {
        return tooLarge(maxArchiveBytes).getMessage();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Overview overview() {
        String whyNotEmpty = whyNotEmpty();
        return new Overview(rows.counts(), rows.revisionCount(), rows.correctionCount(), whyNotEmpty == null, whyNotEmpty,
                maxArchiveBytes);
    }

    /** A name for a download of the archive: the site's slug and the time, in UTC. */
    public String archiveFileName(Instant now) {
        String name = Slugs.slugify(site.name());
        return (name.isEmpty() ? "site" : name) + "-" + FILE_TIME.format(now) + ".jsonl";
    }

    /** Writes the whole site to {@code out} as it reads it: nothing is held whole in memory. */
    public void export(OutputStream out) {
        String schemaVersion = exporter.schemaVersion();
        QuarkusTransaction.requiringNew().timeout(timeoutSeconds).run(() -> exporter.export(out, schemaVersion));
    }

    /**
     * Imports an archive into this site, which must be empty, in one transaction: a wrong archive
     * ({@link ArchiveRefused}, naming its line) changes nothing.
     */
    public ImportSummary importArchive(InputStream archive) {
        if (!importing.tryLock()) {
            throw ArchiveRefused.because(ArchiveRefused.Reason.BUSY, "Another import is running on this site.");
        }
        try {
            return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
                String whyNotEmpty = whyNotEmpty();
                if (whyNotEmpty != null) {
                    throw ArchiveRefused.because(ArchiveRefused.Reason.NOT_EMPTY, "An archive is imported only into an empty"
                            + " site, and this one holds " + whyNotEmpty + ". Nothing was imported.");
                }
                ImportSummary summary = importer.read(new Limited(archive, maxArchiveBytes), rows::deleteContent);
                changes.fire(ContentChanged.everything());
                return summary;
            });
        } finally {
            importing.unlock();
        }
    }

    /** What makes the site not empty, in words; null when it is empty. */
    private String whyNotEmpty() {
        TransferRepository.WrittenContent written = rows.writtenContent();
        if (written.isNone()) {
            return null;
        }
        if (written.articles() > 0) {
            return written.articles() + (written.articles() == 1 ? " article" : " articles") + " written in the newsroom or"
                    + " through the API";
        }
        if (written.revisions() > 0) {
            return "stories edited since the site's first start";
        }
        if (written.pages() > 0) {
            return "site pages (About, Privacy...) written since the site's first start";
        }
        return "corrections, images or old addresses written since the site's first start";
    }

    /** Refuses to read more of an archive than the limit, whatever the request said its length was. */
    private static final class Limited extends FilterInputStream {

        private final long max;
        private long read;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw tooLarge(max);
            }
        }
    }

    static ArchiveRefused tooLarge(long max) {
        return ArchiveRefused.because(ArchiveRefused.Reason.TOO_LARGE, "The archive is larger than this site takes ("
                + megabytes(max) + "; NEWS_TRANSFER_MAX_ARCHIVE_SIZE sets it). Nothing was imported.");
    }

    static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }
}
