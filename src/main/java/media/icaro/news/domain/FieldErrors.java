package media.icaro.news.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What was wrong with a submission, field by field. Services collect these and throw them all at
 * once; forms show each message beside its field, the API answers them as a 400.
 */
public final class FieldErrors {

    private final Map<String, String> messages = new LinkedHashMap<>();

    public FieldErrors add(String field, String message) {
        messages.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    /** The message for a field, or null when it is fine. */
    public String message(String field) {
        return messages.get(field);
    }

    public Map<String, String> messages() {
        return Collections.unmodifiableMap(messages);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new Invalid(this);
        }
    }

    /** Thrown by a service when a submission is wrong; nothing was written. */
    public static final class Invalid extends RuntimeException {

        private final FieldErrors errors;

        public Invalid(FieldErrors errors) {
            super("Invalid input: " + errors.messages.keySet());
            this.errors = errors;
        }

        public FieldErrors errors() {
            return errors;
        }
    }
}
