package dev.rootline.engine.event;

import java.util.Locale;
import java.util.Optional;

/** Cloud Logging's LogSeverity, ordered; DEFAULT is what an entry without a level gets. */
public enum Severity {
    DEFAULT(0),
    DEBUG(100),
    INFO(200),
    NOTICE(300),
    WARNING(400),
    ERROR(500),
    CRITICAL(600),
    ALERT(700),
    EMERGENCY(800);

    private final int number;

    Severity(int number) {
        this.number = number;
    }

    /** The LogSeverity number, as the Logging API's JSON may carry it. */
    public int number() {
        return number;
    }

    public boolean atLeast(Severity other) {
        return number >= other.number;
    }

    public static Severity max(Severity a, Severity b) {
        return a.number >= b.number ? a : b;
    }

    /** The LogSeverity with this exact name or number, as a LogEntry's {@code severity} field holds it. */
    public static Optional<Severity> ofLogSeverity(String name) {
        for (Severity s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static Optional<Severity> ofNumber(int number) {
        for (Severity s : values()) {
            if (s.number == number) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A level as application loggers spell it: {@code warn}, {@code Error}, {@code fatal}, {@code levelname}s. */
    public static Optional<Severity> ofLoggerLevel(String level) {
        if (level == null || level.isEmpty() || level.length() > 9) {
            return Optional.empty();
        }
        return switch (level.toUpperCase(Locale.ROOT)) {
            case "TRACE", "DEBUG", "FINE", "FINER", "FINEST" -> Optional.of(DEBUG);
            case "INFO", "INFORMATION" -> Optional.of(INFO);
            case "NOTICE" -> Optional.of(NOTICE);
            case "WARN", "WARNING" -> Optional.of(WARNING);
            case "ERR", "ERROR", "SEVERE", "EXCEPTION" -> Optional.of(ERROR);
            case "CRIT", "CRITICAL", "FATAL" -> Optional.of(CRITICAL);
            case "ALERT" -> Optional.of(ALERT);
            case "EMERG", "EMERGENCY", "PANIC" -> Optional.of(EMERGENCY);
            default -> Optional.empty();
        };
    }
}
