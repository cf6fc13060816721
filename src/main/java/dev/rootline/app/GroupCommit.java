package dev.rootline.app;

import java.io.IOException;

/**
 * Commits work in groups: a caller waits for its sequence number, the first waiter commits for everyone who added
 * before it, the others ride along. The write-ahead log shares one fsync among concurrent requests this way, and
 * correlation one transaction.
 */
public final class GroupCommit {

    /** Commits everything added so far and returns the sequence number the commit covers. */
    public interface Committer {
        long commit() throws IOException;
    }

    private final Committer committer;
    private long durableSeq = -1;
    private boolean committing;

    public GroupCommit(Committer committer) {
        this.committer = committer;
    }

    /** Returns once every operation up to {@code seq} is committed. */
    public void await(long seq) throws IOException {
        synchronized (this) {
            while (durableSeq < seq && committing) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for a commit", e);
                }
            }
            if (durableSeq >= seq) {
                return;
            }
            committing = true;
        }
        long covered = -1;
        try {
            covered = committer.commit();
        } finally {
            synchronized (this) {
                committing = false;
                durableSeq = Math.max(durableSeq, covered);
                notifyAll();
            }
        }
        if (covered < seq) {
            throw new IOException("commit covered " + covered + " but " + seq + " was awaited");
        }
    }
}
