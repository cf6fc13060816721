package dev.rootline.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.app.Sql;
import dev.rootline.ingest.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A live service's batches read its incidents and revisions from the state kept since the batch before, not from
 * the database. After any sequence of batches, the kept state must be what reading the database gives: else the
 * next batch would write counts, times or lifecycles worked out from rows that are not there.
 */
@QuarkusTest
class ServiceStateTest {

    @Inject
    ServiceStates states;

    @Inject
    DataSource dataSource;

    @Test
    void theStateKeptAcrossShuffledBatchesIsWhatTheDatabaseHolds() throws SQLException {
        String service = "state-shuffled-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> entries = new ArrayList<>(new LayeredFailure(service).all());
        Collections.shuffle(entries, new Random(7));
        for (int from = 0; from < entries.size(); from += 4) {
            Api.ingest(LayeredFailure.array(entries.subList(from, Math.min(entries.size(), from + 4))));
        }
        Api.ingest(LayeredFailure.array(entries)); // a replay: the lock moves the version on, nothing else changes

        assertKeptStateIsTheStoredOne(service, 2);
    }

    /** Lines moving to a later-found cause, beyond the span a batch re-derives, leave no incident behind. */
    @Test
    void theStateKeptAfterALineMovedIncidentsIsWhatTheDatabaseHolds() throws SQLException {
        String service = "state-moved-" + UUID.randomUUID().toString().substring(0, 8);
        for (List<String> batch : LayeredFailure.lateCause(service)) {
            Api.ingest(LayeredFailure.array(batch));
        }

        assertKeptStateIsTheStoredOne(service, 1);
    }

    private void assertKeptStateIsTheStoredOne(String service, int incidents) throws SQLException {
        ServiceState kept = states.take(service);
        assertThat(kept).as("kept once the last batch committed").isNotNull();
        try (Connection c = dataSource.getConnection()) {
            ServiceState stored = states.load(c, service);
            long version = Sql.query(c, "SELECT version FROM service WHERE name = ?", r -> r.getLong(1), service)
                    .get(0);
            assertThat(kept.currentAt(version))
                    .as("current at the row's version")
                    .isTrue();
            assertThat(kept.revisions).isEqualTo(stored.revisions);
            assertThat(kept.incidents).hasSize(incidents).isEqualTo(stored.incidents);
            assertThat(nonEmpty(kept.spans)).isEqualTo(stored.spans);
            assertThat(nonEmpty(kept.steps)).isEqualTo(stored.steps);
            assertThat(kept.events).isEqualTo(stored.events);
            assertThat(kept.unsavedRevisions).isEmpty();
            assertThat(kept.unsavedIncidents).isEmpty();
        }
    }

    /** Loading makes no entry for an incident without rows; memory may keep an emptied one. */
    private static <V> Map<String, Map<String, V>> nonEmpty(Map<String, Map<String, V>> byIncident) {
        Map<String, Map<String, V>> out = new TreeMap<>(byIncident);
        out.values().removeIf(Map::isEmpty);
        return out;
    }
}
