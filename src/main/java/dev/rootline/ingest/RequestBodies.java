package dev.rootline.ingest;

import dev.rootline.app.ProblemException;
import dev.rootline.engine.event.ChunkedBytes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads a request body with a size limit that holds after gzip decompression too (no zip bombs). */
final class RequestBodies {

    private RequestBodies() {
    }

    /** The body in pieces: see {@link ChunkedBytes} for why a batch is never one array. */
    static ChunkedBytes read(InputStream body, HttpHeaders headers, long limit) {
        String encoding = headers.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
        int declared = gzip ? -1 : headers.getLength();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = gzip ? new GZIPInputStream(body, 65536) : body) {
            ChunkedBytes bytes = ChunkedBytes.read(in, declared, limit);
            if (bytes.length() > limit) {
                throw tooLarge(limit);
            }
            if (bytes.length() == 0) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "the body is empty");
            }
            return bytes;
        } catch (ZipException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Content-Encoding is gzip but the body is not: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "the body is larger than the limit of " + limit + " bytes");
    }
}
