package dev.rootline.engine.rca;

import dev.rootline.engine.signature.Role;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far one revision's startup got (docs/architecture.md, "Startup progress"): the phases it reached, the phase it
 * failed in, and whether it became ready. Built from first times only, so progress seen in parts merges into the same
 * progress whatever the order of the parts.
 *
 * @param reached     each phase with the time it was first reached
 * @param completed   phases announced as completed, with the time
 * @param failedNanos when the first effect (a crash, a failed phase) happened
 * @param failedIn    the phase that first effect named itself, if it did (a phase-failure line)
 * @param readyNanos  when the revision first became ready
 */
public record RevisionProgress(
        Map<String, Long> reached,
        Map<String, Long> completed,
        OptionalLong failedNanos,
        Optional<String> failedIn,
        OptionalLong readyNanos) {

    /** The field of a progress or phase-failure signature that names the phase reached or failed. */
    public static final String PHASE_FIELD = "phase";
    /** The field of a progress signature that names a phase completed. */
    public static final String COMPLETED_FIELD = "completedPhase";
    /**
     * Phases kept per revision, the earliest reached: a startup has a handful, and a revision's progress is stored
     * in one bounded column. Longer phase names are cut, and control characters replaced.
     */
    public static final int MAX_PHASES = 24;

    public static final int MAX_PHASE_LENGTH = 64;

    public record Phase(String name, long reachedNanos) {}

    public enum State {
        STARTING,
        FAILED,
        READY
    }

    /** Progress from a revision's progress lines and effects, in any order. */
    public static RevisionProgress of(List<Signal> signals, OptionalLong readyNanos) {
        Map<String, Long> reached = new HashMap<>();
        Map<String, Long> completed = new HashMap<>();
        Signal firstEffect = null;
        for (Signal signal : signals) {
            String phase = name(signal.fields().get(PHASE_FIELD));
            String done = name(signal.fields().get(COMPLETED_FIELD));
            if (signal.is(Role.PROGRESS)) {
                if (phase != null) {
                    reached.merge(phase, signal.timeNanos(), Math::min);
                }
                if (done != null) {
                    reached.merge(done, signal.timeNanos(), Math::min);
                    completed.merge(done, signal.timeNanos(), Math::min);
                }
            } else if (signal.is(Role.EFFECT)
                    && (firstEffect == null || Correlator.EVENT_ORDER.compare(signal, firstEffect) < 0)) {
                firstEffect = signal;
            }
        }
        return new RevisionProgress(
                earliest(reached),
                earliest(completed),
                firstEffect == null ? OptionalLong.empty() : OptionalLong.of(firstEffect.timeNanos()),
                firstEffect == null
                        ? Optional.empty()
                        : Optional.ofNullable(name(firstEffect.fields().get(PHASE_FIELD))),
                readyNanos);
    }

    /** This progress and another part of the same revision's, as if seen together. */
    public RevisionProgress merge(RevisionProgress other) {
        Map<String, Long> r = new HashMap<>(reached);
        other.reached.forEach((k, v) -> r.merge(k, v, Math::min));
        Map<String, Long> c = new HashMap<>(completed);
        other.completed.forEach((k, v) -> c.merge(k, v, Math::min));
        boolean mine = failedNanos.isPresent()
                && (other.failedNanos.isEmpty() || failedNanos.getAsLong() <= other.failedNanos.getAsLong());
        return new RevisionProgress(
                earliest(r),
                earliest(c),
                mine ? failedNanos : other.failedNanos,
                mine ? failedIn : other.failedIn,
                min(readyNanos, other.readyNanos));
    }

    /** The {@link #MAX_PHASES} phases reached first (by time, then name): the same whatever order parts merge in. */
    private static Map<String, Long> earliest(Map<String, Long> phases) {
        if (phases.size() <= MAX_PHASES) {
            return Map.copyOf(phases);
        }
        Map<String, Long> kept = new HashMap<>();
        phases.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_PHASES)
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        return Map.copyOf(kept);
    }

    private static String name(String phase) {
        if (phase == null) {
            return null;
        }
        String printable = phase.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() <= MAX_PHASE_LENGTH ? printable : printable.substring(0, MAX_PHASE_LENGTH);
    }

    private static OptionalLong min(OptionalLong a, OptionalLong b) {
        if (a.isPresent() && b.isPresent()) {
            return OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong()));
        }
        return a.isPresent() ? a : b;
    }

    /** The phases reached, in the order they were reached. */
    public List<Phase> phases() {
        return reached.entrySet().stream()
                .map(e -> new Phase(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Phase::reachedNanos).thenComparing(Phase::name))
                .toList();
    }

    /** The phase the first failure happened in: the one it named, else the last reached before it. */
    public Optional<String> failedPhase() {
        if (failedNanos.isEmpty()) {
            return Optional.empty();
        }
        return failedIn.isPresent() ? failedIn : phaseAt(failedNanos.getAsLong());
    }

    /** The last phase reached at or before this time, if any. */
    public Optional<String> phaseAt(long nanos) {
        String last = null;
        for (Phase phase : phases()) {
            if (phase.reachedNanos() <= nanos) {
                last = phase.name();
            }
        }
        return Optional.ofNullable(last);
    }

    public Optional<String> lastPhase() {
        List<Phase> phases = phases();
        return phases.isEmpty()
                ? Optional.empty()
                : Optional.of(phases.get(phases.size() - 1).name());
    }

    /** When this revision got past the phase: completed it, or went on to a later one. Empty if it never did. */
    public OptionalLong passed(String phase) {
        if (completed.containsKey(phase)) {
            return OptionalLong.of(completed.get(phase));
        }
        List<Phase> phases = phases();
        for (int i = 0; i < phases.size() - 1; i++) {
            if (phases.get(i).name().equals(phase)) {
                return OptionalLong.of(phases.get(i + 1).reachedNanos());
            }
        }
        return OptionalLong.empty();
    }

    public State state() {
        if (readyNanos.isPresent()) {
            return State.READY;
        }
        return failedNanos.isPresent() ? State.FAILED : State.STARTING;
    }

    /** How long startup ran before it failed, from the first phase reached. */
    public OptionalLong failedAfterNanos() {
        List<Phase> phases = phases();
        if (failedNanos.isEmpty() || phases.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(failedNanos.getAsLong() - phases.get(0).reachedNanos());
    }
}
