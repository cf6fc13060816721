package dev.rootline.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.app.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the outbox relies on: a connection taken from the data source inside correlation's transaction is that
 * transaction's, so an alert it writes commits or rolls back with the incident change that raised it.
 */
@QuarkusTest
class OutboxTransactionTest {

    @Inject
    DataSource dataSource;

    @Test
    void aSecondConnectionInATransactionSeesItsWritesAndRollsBackWithIt() throws SQLException {
        String source = "outbox-" + UUID.randomUUID();
        long[] seen = new long[1];
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection first = dataSource.getConnection()) {
                    Sql.update(
                            first,
                            "INSERT INTO source_checkpoint (source, time_nanos, insert_id, updated_at)"
                                    + " VALUES (?, 1, 'x', 1)",
                            source);
                    try (Connection second = dataSource.getConnection()) {
                        seen[0] = count(second, source);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                throw new RollBack();
            });
        } catch (RollBack expected) {
            // the transaction rolled back, as a failed correlation's does
        }
        assertThat(seen[0])
                .as("written by the first, read by the second before commit")
                .isEqualTo(1);
        try (Connection after = dataSource.getConnection()) {
            assertThat(count(after, source)).as("gone with the rollback").isZero();
        }
    }

    private static final class RollBack extends RuntimeException {}

    private static long count(Connection c, String source) {
        try {
            return Sql.query(c, "SELECT COUNT(*) FROM source_checkpoint WHERE source = ?", r -> r.getLong(1), source)
                    .get(0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
