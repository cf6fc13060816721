package dev.rootline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, a statement read many times keeps one server-side plan unless it asks to be planned at every
 * execution: the reads of {@code log_match} by time must not keep a plan made while the table was empty.
 */
@QuarkusTest
class SqlPlanTest {

    @Inject
    DataSource dataSource;

    @Test
    void aStatementPlannedPerExecutionIsNeverPreparedOnTheServerWhileAReusedOneIs() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assumeTrue(c.getMetaData().getDatabaseProductName().equals("PostgreSQL"), "plans are PostgreSQL's");
            for (int i = 0; i < 10; i++) {
                Sql.query(
                        c,
                        Sql.Plan.PER_EXECUTION,
                        "SELECT COUNT(*) AS per_execution_probe FROM log_match"
                                + " WHERE service = ? AND time_nanos BETWEEN ? AND ?",
                        r -> r.getLong(1),
                        "s",
                        0L,
                        10L);
                Sql.query(
                        c,
                        "SELECT COUNT(*) AS reused_probe FROM log_match WHERE service = ? AND time_nanos BETWEEN ? AND ?",
                        r -> r.getLong(1),
                        "s",
                        0L,
                        10L);
            }
            List<String> prepared = Sql.query(c, "SELECT statement FROM pg_prepared_statements", r -> r.getString(1));

            assertThat(prepared).anyMatch(s -> s.contains("reused_probe"));
            assertThat(prepared).noneMatch(s -> s.contains("per_execution_probe"));
        }
    }
}
