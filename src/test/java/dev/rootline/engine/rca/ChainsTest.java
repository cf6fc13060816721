package dev.rootline.engine.rca;

import static dev.rootline.engine.rca.Signals.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainsTest {

    private static final long WINDOW = 120_000_000_000L;
    private static final long SKEW = 100_000_000L;

    @Test
    void aCauseExplainsNothingOutsideItsScopeOrWindow() {
        Signal cause = at(0, "config.validation-failed", "i1", Map.of("var", "DATABASE_HOST"));
        Signal sameInstance = at(1, "gunicorn.worker-exit", "i1");
        Signal otherInstance = at(1, "gunicorn.worker-exit", "i2");
        Signal tooLate = at(121, "gunicorn.worker-exit", "i1");
        List<Signal> failures = List.of(cause, otherInstance, sameInstance, tooLate).stream()
                .sorted(Correlator.EVENT_ORDER)
                .toList();

        Chains chains = new Chains(failures, WINDOW, SKEW);

        assertThat(chains.root(failures.indexOf(sameInstance))).isEqualTo(failures.indexOf(cause));
        assertThat(chains.root(failures.indexOf(otherInstance))).isEqualTo(failures.indexOf(otherInstance));
        assertThat(chains.root(failures.indexOf(tooLate))).isEqualTo(failures.indexOf(tooLate));
    }

    @Test
    void aCauseLoggedWithinTheSkewAfterItsEffectStillExplainsIt() {
        Signal exit = Signals.atMillis(1000, "gunicorn.worker-exit", "i1", Map.of());
        Signal cause = Signals.atMillis(1050, "config.validation-failed", "i1", Map.of("var", "DATABASE_HOST"));
        List<Signal> failures = List.of(exit, cause);

        assertThat(new Chains(failures, WINDOW, SKEW).root(0)).isEqualTo(1);
        assertThat(new Chains(failures, WINDOW, 0).root(0))
                .as("without the skew")
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theIndexedSearchResolvesEveryChainAsTryingEachCandidateWould(long seed) {
        Random random = new Random(seed);
        List<Signal> signals = Signals.randomSpan(random, 3_000, 0);
        List<Signal> failures = signals.stream().sorted(Correlator.EVENT_ORDER).toList();

        Chains indexed = new Chains(failures, WINDOW, SKEW);
        ReferenceChains reference = new ReferenceChains(failures, WINDOW, SKEW);

        for (int i = 0; i < failures.size(); i++) {
            assertThat(indexed.root(i)).as("root of %s", failures.get(i)).isEqualTo(reference.root(i));
            assertThat(indexed.depth(i)).as("depth of %s", failures.get(i)).isEqualTo(reference.depth(i));
            assertThat(indexed.alone(i)).isEqualTo(reference.alone(i));
        }
    }
}
