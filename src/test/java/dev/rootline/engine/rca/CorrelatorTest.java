package dev.rootline.engine.rca;

import static dev.rootline.engine.rca.Signals.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CorrelatorTest {

    private final Correlator correlator = new Correlator(Duration.ofSeconds(120));

    @Test
    void aChainIsRootedAtItsEarliestUnexplainedCause() {
        Signal cause = at(0, "config.validation-failed", "i1", Map.of("var", "DATABASE_HOST"));
        Signal worker = at(1, "gunicorn.worker-exit", "i1");
        Signal container = at(2, "cloudrun.container-exit", "i1");
        Signal request = at(3, "cloudrun.request-failed", "i1");

        Map<Signal, Attribution> bySignal = bySignal(correlator.correlate(List.of(request, container, worker, cause)));

        assertThat(bySignal.values()).allSatisfy(a -> {
            assertThat(a.root()).isEqualTo(cause);
            assertThat(a.confidence()).isEqualTo(Confidence.HIGH);
        });
        assertThat(bySignal.get(cause).depth()).isZero();
        assertThat(bySignal.get(request).depth()).isEqualTo(3);
    }

    @Test
    void aCauseExplainsNothingOutsideItsScopeOrWindow() {
        Signal cause = at(0, "config.validation-failed", "i1");
        Signal otherInstance = at(1, "gunicorn.worker-exit", "i2");
        Signal tooLate = at(121, "gunicorn.worker-exit", "i1");

        Map<Signal, Attribution> bySignal = bySignal(correlator.correlate(List.of(cause, otherInstance, tooLate)));

        assertThat(bySignal.get(otherInstance).root()).isEqualTo(otherInstance);
        assertThat(bySignal.get(tooLate).root()).isEqualTo(tooLate);
        assertThat(bySignal.get(tooLate).confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void anUnexplainedCrashIsRootedAtTheFirstUnknownErrorBeforeIt() {
        Signal noise = Signals.unknown(0, "i2", "KeyError: 'other instance'");
        Signal first = Signals.unknown(10, "i1", "KeyError: 'tenant_id'");
        Signal second = Signals.unknown(11, "i1", "RuntimeError: giving up");
        Signal exit = at(12, "cloudrun.container-exit", "i1");

        Map<Signal, Attribution> bySignal = bySignal(correlator.correlate(List.of(exit, second, first, noise)));

        assertThat(bySignal.get(exit).root()).isEqualTo(first);
        assertThat(bySignal.get(exit).confidence()).isEqualTo(Confidence.LOW);
        assertThat(bySignal.get(first).depth()).isZero();
        assertThat(bySignal).doesNotContainKeys(noise, second);
    }

    @Test
    void anUnknownErrorNewInTheRevisionIsPreferredToAnEarlierFamiliarOne() {
        Signal familiar = Signals.unknown(10, "i1", "KeyError: 'tenant_id'");
        Signal novel = Signals.unknown(11, "i1", "ValueError: DATABASE_HOST is empty").withNovel(true);
        Signal exit = at(12, "cloudrun.container-exit", "i1");

        Map<Signal, Attribution> bySignal = bySignal(correlator.correlate(List.of(exit, familiar, novel)));

        assertThat(bySignal.get(exit).root()).isEqualTo(novel);
        assertThat(bySignal.get(exit).confidence()).isEqualTo(Confidence.LOW);
        assertThat(bySignal).doesNotContainKeys(familiar);
    }

    @Test
    void atOneInstantOfTwoSignaturesThatExplainEachOtherTheFirstInEventOrderExplainsTheOther() {
        Signal container = at(5, "cloudrun.container-exit", "i1");
        Signal worker = at(5, "gunicorn.worker-exit", "i1");
        Signal first = explaining(container, worker); // same time and insertId: entry key order puts it first
        Signal second = explaining(worker, container);

        Map<Signal, Attribution> bySignal = bySignal(correlator.correlate(List.of(second, first)));

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

    private static Signal explaining(Signal s, Signal other) {
        return new Signal(s.entryKey(), s.insertId(), s.timeNanos(), s.revision(), s.instance(),
                s.signature().withExplains(List.of(other.signatureId())), s.fields(), s.message(), s.novel());
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
            signals.add(Signals.unknown(t + 1, instance, "ERROR something else"));
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

        List<Attribution> attributions = correlator.correlate(List.of(boot, exit));

        assertThat(attributions).hasSize(2).allSatisfy(a -> assertThat(a.root().signatureId()).isEqualTo("gunicorn.worker-exit"));
    }

    private static Map<Signal, Attribution> bySignal(List<Attribution> attributions) {
        return attributions.stream().collect(Collectors.toMap(Attribution::signal, a -> a));
    }

    private static String render(List<Attribution> attributions) {
        return attributions.stream()
                .map(a -> a.signal().entryKey() + "/" + a.signal().signatureId() + " <- " + a.root().entryKey() + "/"
                        + a.root().signatureId() + " " + a.depth() + " " + a.confidence())
                .sorted().collect(Collectors.joining("\n"));
    }
}
