package media.icaro.news.transfer;

/** Why an archive was not imported. Thrown inside the import's transaction, so that nothing changes. */
public final class ArchiveRefused extends RuntimeException {

    /** What is wrong, and the HTTP status that says so. */
    public enum Reason {
        /** Not an archive, or a wrong record in it. */
        INVALID(400),
        /** The site holds content of its own. */
        NOT_EMPTY(409),
        /** Another import is running. */
        BUSY(409),
        /** Over {@code news.transfer.max-archive-size}. */
        TOO_LARGE(413),
        /** Sent as something else than JSON Lines. */
        WRONG_TYPE(415);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final Integer line;

    private ArchiveRefused(Reason reason, Integer line, String message) {
        super(message);
        this.reason = reason;
        this.line = line;
    }

    /** A wrong record: the message says what is wrong with the line, and what was imported: nothing. */
    static ArchiveRefused at(int line, String problem) {
        return new ArchiveRefused(Reason.INVALID, line, "Line " + line + ": " + problem);
    }

    static ArchiveRefused because(Reason reason, String message) {
        return new ArchiveRefused(reason, null, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The line of the archive that is wrong (the first is 1); null when the refusal is not about one line. */
    public Integer line() {
        return line;
    }
}
