package dev.rootline.template;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootline.engine.event.Entries;
import dev.rootline.engine.event.Payloads;
import dev.rootline.engine.rca.Signal;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Two replicas' template stores on one database mine a line into the same template, whichever mined last. */
@QuarkusTest
class TemplateSharingTest {

    private static final AtomicInteger IDS = new AtomicInteger();

    @Inject
    DataSource dataSource;

    @Inject
    TemplatesConfig config;

    private final String service = "templates-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aReplicaMinesALineIntoATemplateAnotherReplicaMadeSinceItLastMined() throws Exception {
        TemplateStore first = new TemplateStore(config);
        TemplateStore second = new TemplateStore(config);
        try (Connection c = dataSource.getConnection()) {
            second.mine(c, service, List.of(unknown("disk quota exceeded on volume data")), (r, t) -> true);
            Map<String, TemplateStore.Sighting> made = first.mine(
                    c,
                    service,
                    List.of(
                            unknown("could not reach upstream host alice"),
                            unknown("could not reach upstream host bob")),
                    (r, t) -> true);
            Signal later = unknown("could not reach upstream host carol");
            Map<String, TemplateStore.Sighting> seen = second.mine(c, service, List.of(later), (r, t) -> true);

            assertThat(made.values())
                    .extracting(TemplateStore.Sighting::templateId)
                    .containsOnly(templateOf(made));
            assertThat(seen.get(later.entryKey()).templateId())
                    .as("the template the other replica made, not one of its own")
                    .isEqualTo(templateOf(made));
        }
    }

    private static String templateOf(Map<String, TemplateStore.Sighting> sightings) {
        return sightings.values().iterator().next().templateId();
    }

    private Signal unknown(String message) throws Exception {
        String json = """
                {"insertId":"tpl-%d","timestamp":"2026-05-01T10:00:%02dZ","severity":"ERROR","textPayload":"%s",
                 "resource":{"type":"cloud_run_revision","labels":{"service_name":"%s","revision_name":"%s-1"}}}""".formatted(IDS.incrementAndGet(), IDS.get() % 60, message, service, service);
        return Signal.unknown(Payloads.read(json.getBytes(UTF_8), Entries.NOW).get(0));
    }
}
