package dev.rootline.ingest;

import dev.rootline.app.ProblemException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads a request body with a size limit that holds after gzip decompression too (no zip bombs). */
final class RequestBodies {

    private RequestBodies() {
    }

    static byte[] read(InputStream body, String contentEncoding, long limit) {
        boolean gzip = contentEncoding != null && contentEncoding.trim().equalsIgnoreCase("gzip");
        try (InputStream in = gzip ? new GZIPInputStream(body, 65536) : body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] buffer = new byte[65536];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                            "the body is larger than the limit of " + limit + " bytes");
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "the body is empty");
            }
            return out.toByteArray();
        } catch (ZipException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Content-Encoding is gzip but the body is not: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }
}
