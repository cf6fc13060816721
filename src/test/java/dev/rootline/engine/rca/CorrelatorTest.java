package dev.rootline.engine.rca;

import static dev.rootline.engine.rca.Signals.at;
import static dev.rootline.engine.rca.Signals.atMillis;
import static dev.rootline.engine.rca.Signals.unknown;
import static dev.rootline.engine.rca.Signals.unknownAtMillis;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rules of {@link Correlator}, one test each; each fails when its rule is taken out. */
class CorrelatorTest {

    private static final Duration WINDOW = Duration.ofSeconds(120);
    private final Correlator correlator = new Correlator(WINDOW, Duration.ofMillis(100));

    @Test
    void aChainIsRootedAtItsEarliestUnexplainedCause() {
        Signal cause = at(0, "config.validation-failed", "i1", Map.of("var", "DATABASE_HOST"));
        Signal worker = at(1, "gunicorn.worker-exit", "i1");
        Signal container = at(2, "cloudrun.container-exit", "i1");
        Signal request = at(3, "cloudrun.request-failed", "i1");

        Map<Signal, Attribution> bySignal = correlator.correlate(List.of(request, container, worker, cause));

        assertThat(bySignal.values()).allSatisfy(a -> {
            assertThat(a.root()).isEqualTo(cause);
            assertThat(a.confidence()).isEqualTo(Confidence.HIGH);
        });
        assertThat(bySignal.get(cause).depth()).isZero();
        assertThat(bySignal.get(request).depth()).isEqualTo(3);
    }

    @Test
    void aLoneErrorLineNoSignatureKnowsIsAnIncidentOfItsOwn() {
        Signal lone = unknown(0, "i1", "TypeError: cart.items is undefined");
        Signal elsewhere = unknown(1, "i2", "KeyError: 'tenant_id'");

        Map<Signal, Attribution> bySignal = correlator.correlate(List.of(lone, elsewhere));

        assertThat(bySignal.get(lone).root()).isEqualTo(lone);
        assertThat(bySignal.get(lone).confidence()).isEqualTo(Confidence.LOW);
        assertThat(bySignal.get(elsewhere).root())
                .as("another instance, another episode")
                .isEqualTo(elsewhere);
    }

    @Test
    void anEpisodeIsRootedAtItsEarliestErrorAndItsLaterErrorsArePartOfIt() {
        Signal first = unknown(10, "i1", "KeyError: 'tenant_id'");
        Signal second = unknown(11, "i1", "RuntimeError: giving up");
        Signal exit = at(12, "cloudrun.container-exit", "i1");
        Signal nextEpisode = unknown(10 + 121 + 12, "i1", "ValueError: later and unrelated");

        Map<Signal, Attribution> bySignal = correlator.correlate(List.of(exit, second, first, nextEpisode));

        assertThat(bySignal.get(exit).root()).isEqualTo(first);
        assertThat(bySignal.get(exit).confidence()).isEqualTo(Confidence.LOW);
        assertThat(bySignal.get(first).depth()).isZero();
        assertThat(bySignal).doesNotContainKey(second);
        assertThat(bySignal.get(nextEpisode).root()).as("after a quiet window").isEqualTo(nextEpisode);
    }

    @Test
    void linesWithinTheClockSkewAreSimultaneousAndTheSpecificOneIsTheRoot() {
        Signal wrapper = unknownAtMillis(0, "i1", "Startup failed: the chat service is unhealthy");
        Signal specific = unknownAtMillis(1, "i1", "ValueError: DATABASE_HOST must not be empty");
        Signal exit = atMillis(2, "cloudrun.container-exit", "i1", Map.of());
        List<Signal> signals = List.of(exit, specific, wrapper);

        assertThat(rootOf(exit, correlator.correlate(signals))).isEqualTo(specific);
        assertThat(rootOf(exit, new Correlator(WINDOW, Duration.ZERO).correlate(signals)))
                .as("without the skew, the earlier line")
                .isEqualTo(wrapper);
    }

    @Test
    void aSpecificLineOutsideTheSkewDoesNotOvertakeTheEarliest() {
        Signal wrapper = unknownAtMillis(0, "i1", "Startup failed: the chat service is unhealthy");
        Signal later = unknownAtMillis(500, "i1", "ValueError: DATABASE_HOST must not be empty");
        Signal exit = atMillis(600, "cloudrun.container-exit", "i1", Map.of());

        assertThat(rootOf(exit, correlator.correlate(List.of(exit, later, wrapper))))
                .isEqualTo(wrapper);
    }

    @Test
    void anEffectLoggedJustBeforeTheErrorThatCausedItIsNotTheRoot() {
        Signal exit = atMillis(1000, "gunicorn.worker-exit", "i1", Map.of("code", "3"));
        Signal error = unknownAtMillis(1000, "i1", "RuntimeError: the websocket bridge could not be built");

        Map<Signal, Attribution> bySignal = correlator.correlate(List.of(error, exit));

        assertThat(bySignal.get(exit).root()).isEqualTo(error);
    }

    @Test
    void javaCausesLoggedAsSeparateLinesRootAtTheDeepest() {
        Signal top =
                unknownAtMillis(0, "i1", "Exception in thread \"main\" java.lang.IllegalStateException: boot failed");
        Signal middle = unknownAtMillis(
                1, "i1", "Caused by: org.postgresql.util.PSQLException: The connection attempt failed.");
        Signal deepest = unknownAtMillis(2, "i1", "Caused by: java.net.UnknownHostException: orders-db");
        Signal exit = atMillis(3, "cloudrun.container-exit", "i1", Map.of());

        assertThat(rootOf(exit, correlator.correlate(List.of(exit, deepest, middle, top))))
                .isEqualTo(deepest);
    }

    @Test
    void aYieldingCauseHandsItsRootToTheSpecificCauseLoggedWithIt() {
        Signal summary = atMillis(0, "config.environment-invalid-summary", "i1", Map.of("env", "staging"));
        Signal variable = atMillis(1, "config.validation-failed", "i1", Map.of("var", "DATABASE_HOST"));
        Signal exit = atMillis(2, "gunicorn.worker-exit", "i1", Map.of());

        Map<Signal, Attribution> bySignal = correlator.correlate(List.of(exit, variable, summary));

        assertThat(bySignal.values()).extracting(Attribution::root).containsOnly(variable);
        assertThat(bySignal.get(summary).depth())
                .as("the summary is a step of the chain")
                .isPositive();
    }

    @Test
    void aYieldingCauseHandsItsRootToAnUnknownSpecificLineLoggedWithIt() {
        String detail = "  - REDIS_URL: 'redis://' has no host";

        assertThat(rootWithSummaryAndDetailAt(1, detail).message()).isEqualTo(detail);
        assertThat(rootWithSummaryAndDetailAt(400, detail).signatureId())
                .as("not logged with it")
                .isEqualTo("config.environment-invalid-summary");
    }

    private Signal rootWithSummaryAndDetailAt(long millis, String detail) {
        Signal summary = atMillis(0, "config.environment-invalid-summary", "i1", Map.of("env", "staging"));
        Signal exit = atMillis(500, "gunicorn.worker-exit", "i1", Map.of());
        return rootOf(exit, correlator.correlate(List.of(exit, unknownAtMillis(millis, "i1", detail), summary)));
    }

    @Test
    void aLatentCauseIsAnIncidentOnlyWhenItExplainsSomething() {
        Signal listening = at(0, "app.listening-on-port", "i1", Map.of("port", "3000"));
        Signal probe = at(5, "cloudrun.startup-probe-failed", "i1", Map.of("port", "8080"));

        assertThat(correlator.correlate(List.of(listening)))
                .as("alone, no failure")
                .isEmpty();
        assertThat(rootOf(probe, correlator.correlate(List.of(probe, listening))))
                .isEqualTo(listening);
    }

    @Test
    void aLatentCauseExplainsOnlyWhatDiffersInTheFieldsItNames() {
        Signal listening = at(0, "app.listening-on-port", "i1", Map.of("port", "8080"));
        Signal probe = at(5, "cloudrun.startup-probe-failed", "i1", Map.of("port", "8080"));
        Signal noPort = at(6, "cloudrun.startup-probe-failed", "i1", Map.of());

        Collection<Attribution> attributions =
                correlator.correlate(List.of(probe, listening, noPort)).values();

        assertThat(attributions).extracting(Attribution::root).doesNotContain(listening);
    }

    @Test
    void effectsWithNoErrorBesideThemAreCountedUnderTheirRevisionsIncident() {
        Signal error = unknown(0, "i1", "ImportError: cannot import name 'bridge'");
        Signal exit = at(1, "cloudrun.container-exit", "i1");
        Signal laterExit = at(300, "cloudrun.container-exit", "i2");
        Signal otherRevision = Signals.inRevision(at(301, "cloudrun.container-exit", "i3"), "shop-00002-def");

        Map<Signal, Attribution> bySignal = correlator.correlate(List.of(laterExit, exit, error, otherRevision));

        assertThat(bySignal.get(laterExit).root())
                .as("a crash loop whose cause was logged earlier")
                .isEqualTo(error);
        assertThat(bySignal.get(otherRevision).root())
                .as("no incident in its revision")
                .isEqualTo(otherRevision);
        assertThat(bySignal.get(otherRevision).confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void backgroundErrorsAreNeitherRootsNorIncidents() {
        Signal steady =
                unknown(0, "i1", "WARNING cache refresh failed: timeout").withFamiliarity(Familiarity.BACKGROUND);
        Signal error = unknown(1, "i1", "ValueError: DATABASE_HOST must not be empty");
        Signal exit = at(2, "cloudrun.container-exit", "i1");
        Signal alone =
                unknown(600, "i1", "WARNING cache refresh failed: timeout").withFamiliarity(Familiarity.BACKGROUND);

        Map<Signal, Attribution> bySignal = correlator.correlate(List.of(exit, error, steady, alone));

        assertThat(bySignal.get(exit).root()).isEqualTo(error);
        assertThat(bySignal).doesNotContainKeys(steady, alone);
    }

    @Test
    void atOneInstantOfTwoSignaturesThatExplainEachOtherTheFirstInEventOrderExplainsTheOther() {
        Signal container = at(5, "cloudrun.container-exit", "i1");
        Signal worker = at(5, "gunicorn.worker-exit", "i1");
        Signal first = explaining(container, worker); // same time and insertId: entry key order puts it first
        Signal second = explaining(worker, container);

        Map<Signal, Attribution> bySignal = correlator.correlate(List.of(second, first));

        assertThat(bySignal.get(second).root()).isEqualTo(first);
        assertThat(bySignal.get(second).depth()).isEqualTo(1);
        assertThat(bySignal.get(first).root()).isEqualTo(first);
    }

    @Test
    void signalsSplitIntoRunsWhereTheGapExceedsTheLimit() {
        Signal a = at(0, "gunicorn.worker-exit", "i1");
        Signal b = at(10, "gunicorn.worker-exit", "i1");
        Signal c = at(11, "cloudrun.container-exit", "i1");
        Signal d = at(30, "cloudrun.container-exit", "i1");

        assertThat(Signal.runs(List.of(d, b, a, c), 10_000_000_000L)).containsExactly(List.of(a, b, c), List.of(d));
    }

    @Test
    void theSameSignalsInAnyOrderGiveTheSameChains() {
        List<Signal> signals = new ArrayList<>();
        for (int loop = 0; loop < 20; loop++) {
            int t = loop * 30;
            String instance = "i" + (loop % 3);
            signals.add(at(t, "python.module-not-found", instance, Map.of("module", "app.monitoring")));
            signals.add(at(t, "python.exception", instance, Map.of("exception", "ModuleNotFoundError")));
            signals.add(at(t + 1, "gunicorn.worker-exit", instance));
            signals.add(at(t + 2, "cloudrun.container-exit", instance));
            signals.add(at(t + 3, "cloudrun.request-failed", "i" + (loop % 2)));
            signals.add(unknown(t + 1, instance, "ERROR something else"));
        }
        String expected = render(correlator.correlate(signals));
        for (long seed = 1; seed <= 5; seed++) {
            List<Signal> shuffled = new ArrayList<>(signals);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(render(correlator.correlate(shuffled))).isEqualTo(expected);
        }
    }

    @Test
    void explainsThatRunBothWaysDoNotLoop() {
        Signal exit = at(0, "gunicorn.worker-exit", "i1");
        Signal boot = at(0, "gunicorn.boot-failed", "i1");

        Map<Signal, Attribution> attributions = correlator.correlate(List.of(boot, exit));

        assertThat(attributions.values())
                .hasSize(2)
                .extracting(Attribution::root)
                .containsOnly(attributions.get(boot).root());
    }

    private static Signal explaining(Signal s, Signal other) {
        return new Signal(
                s.entryKey(),
                s.insertId(),
                s.timeNanos(),
                s.revision(),
                s.instance(),
                s.signature().withExplains(List.of(other.signatureId())),
                s.fields(),
                s.message(),
                s.familiarity());
    }

    private static Signal rootOf(Signal s, Map<Signal, Attribution> attributions) {
        return attributions.get(s).root();
    }

    private static String render(Map<Signal, Attribution> attributions) {
        return attributions.values().stream()
                .map(a -> a.signal().entryKey() + "/" + a.signal().signatureId() + " <- "
                        + a.root().entryKey() + "/" + a.root().signatureId() + " " + a.depth() + " " + a.confidence())
                .sorted()
                .collect(Collectors.joining("\n"));
    }
}
