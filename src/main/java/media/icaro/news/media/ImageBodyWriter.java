package media.icaro.news.media;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerHttpResponse;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Sends a held image in 64 KB pieces, a few at a time. Handing the whole array to the server would
 * copy it per response, so a crowd of readers would hold a copy each and exhaust the heap.
 */
@Provider
public class ImageBodyWriter implements ServerMessageBodyWriter<StoredImage> {

    static final int PIECE = 64 * 1024;
    static final int IN_FLIGHT = 4;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return type == StoredImage.class;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == StoredImage.class;
    }

    @Override
    public void writeResponse(StoredImage image, Type genericType, ServerRequestContext context) {
        ServerHttpResponse response = context.serverResponse();
        response.setResponseHeader("Content-Length", String.valueOf(image.data().length));
        new Pump(response, image.data()).signal();
    }

    @Override
    public void writeTo(StoredImage image, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(image.data());
    }

    /**
     * Keeps at most {@link #IN_FLIGHT} pieces on their way to the reader: each written piece lets the
     * next one go. The worker thread starts it and the event loop continues it, so the counter lets one
     * thread write at a time and makes it go round again for a signal that came meanwhile.
     */
    private static final class Pump {
        private final ServerHttpResponse response;
        private final byte[] data;
        private final AtomicInteger signals = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();
        private int offset;
        private boolean ended;

        Pump(ServerHttpResponse response, byte[] data) {
            this.response = response;
            this.data = data;
        }

        void signal() {
            if (signals.getAndIncrement() != 0) {
                return;
            }
            do {
                while (offset < data.length && inFlight.get() < IN_FLIGHT && !response.closed()) {
                    int end = Math.min(data.length, offset + PIECE);
                    inFlight.incrementAndGet();
                    // A failed write means the reader went away: nothing more to send.
                    response.write(Arrays.copyOfRange(data, offset, end), failure -> {
                        inFlight.decrementAndGet();
                        if (failure == null) {
                            signal();
                        }
                    });
                    offset = end;
                }
                if (offset == data.length && !ended) {
                    ended = true;
                    response.end();
                }
            } while (signals.decrementAndGet() != 0);
        }
    }
}
