package dev.rootline.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.UUID;

/**
 * One replica at a time polls each pull source (docs/architecture.md, "Replicas"): it takes the source's lease in
 * the database and renews it while it polls; when it dies the lease runs out and another replica takes it. Two
 * replicas polling one project would each store what the other stored, at twice the API quota.
 */
@ApplicationScoped
class SourceLeases {

    /** This process, as a holder of leases. */
    private final String self = UUID.randomUUID().toString();

    private final Duration duration;

    SourceLeases(SourcesConfig config) {
        this.duration = config.leaseDuration();
    }

    String self() {
        return self;
    }

    /** How often a holder renews: well within the lease, so that a slow page does not lose it. */
    Duration renewEvery() {
        return duration.dividedBy(3);
    }

    /** Takes or renews the source's lease for this replica; false while another replica holds it. */
    boolean hold(String source, long nowMillis) {
        return hold(source, self, nowMillis);
    }

    /**
     * @param holder who asks: this replica, or in a test another one. A replica that loses the race to create the
     *               first lease (the insert fails, and its transaction with it) does not hold it.
     */
    boolean hold(String source, String holder, long nowMillis) {
        try {
            return attempt(source, holder, nowMillis);
        } catch (PersistenceException raced) {
            return false;
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean attempt(String source, String holder, long nowMillis) {
        SourceLease lease = SourceLease.findById(source, LockModeType.PESSIMISTIC_WRITE);
        if (lease == null) {
            lease = new SourceLease();
            lease.source = source;
            lease.holder = holder;
            lease.expiresAt = nowMillis + duration.toMillis();
            lease.persistAndFlush();
            return true;
        }
        if (!lease.holder.equals(holder) && lease.expiresAt > nowMillis) {
            return false;
        }
        lease.holder = holder;
        lease.expiresAt = nowMillis + duration.toMillis();
        return true;
    }

    /** Lets the lease go at once, so that another replica need not wait for it to run out (a clean shutdown). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void release(String source) {
        SourceLease.delete("source = ?1 and holder = ?2", source, self);
    }
}
