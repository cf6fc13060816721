package dev.rootline.ingest;

import dev.rootline.app.ProblemException;
import dev.rootline.engine.event.ChunkedBytes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads a request body with a size limit that holds after gzip decompression too (no zip bombs). */
final class RequestBodies {

    private RequestBodies() {}

    /**
     * The body in pieces (see {@link ChunkedBytes} for why a batch is never one array), holding room for it in
     * the ticket as it is read: up front for a declared length, else a mebibyte at a time.
     */
    static ChunkedBytes read(InputStream body, HttpHeaders headers, long limit, Admission.Ticket ticket) {
        String charset = headers.getMediaType() == null
                ? null
                : headers.getMediaType().getParameters().get("charset");
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new ProblemException(
                    Response.Status.UNSUPPORTED_MEDIA_TYPE, "charset " + charset + " is not accepted: send UTF-8");
        }
        String encoding = headers.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
        int declared = gzip ? -1 : headers.getLength();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        ticket.hold(Math.max(declared, 0));
        try (InputStream in = new Admitted(gzip ? new GZIPInputStream(body, 65536) : body, ticket)) {
            ChunkedBytes bytes = ChunkedBytes.read(in, declared, limit);
            if (bytes.length() > limit) {
                throw tooLarge(limit);
            }
            if (bytes.length() == 0) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "the body is empty");
            }
            return bytes;
        } catch (ZipException e) {
            throw new ProblemException(
                    Response.Status.BAD_REQUEST, "Content-Encoding is gzip but the body is not: " + e.getMessage());
        } catch (EOFException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the gzip body is cut short: " + e.getMessage());
        } catch (IOException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the body could not be read: " + e.getMessage());
        }
    }

    /** Counts what is read, decompressed, and holds room for it ahead of the read. */
    private static final class Admitted extends FilterInputStream {
        private static final long STEP = 1 << 20;
        private final Admission.Ticket ticket;
        private long read;
        private long held;

        Admitted(InputStream in, Admission.Ticket ticket) {
            super(in);
            this.ticket = ticket;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read + len > held) {
                held = read + Math.max(len, STEP);
                ticket.hold(held);
            }
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(
                Response.Status.REQUEST_ENTITY_TOO_LARGE, "the body is larger than the limit of " + limit + " bytes");
    }
}
