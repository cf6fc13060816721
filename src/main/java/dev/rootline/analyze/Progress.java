package dev.rootline.analyze;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/** Counts what was read of the export, and says how far ingest got, on one line of standard error. */
final class Progress extends FilterInputStream {

    private final long size;
    private final PrintStream to;
    private long read;
    private long entries;

    /** @param size the export's size in bytes, or -1 when unknown (standard input) */
    Progress(InputStream in, long size, PrintStream to) {
        super(in);
        this.size = size;
        this.to = to;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        read += b < 0 ? 0 : 1;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        read += Math.max(n, 0);
        return n;
    }

    void ingested(int accepted) {
        entries += accepted;
        String share = size > 0 ? " (%d%%)".formatted(Math.min(100, read * 100 / size)) : "";
        to.print("\ranalysing: %d entries%s".formatted(entries, share));
        to.flush();
    }

    void done() {
        to.println("\ranalysed %d entries".formatted(entries));
    }
}
