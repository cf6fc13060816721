package dev.rootline.engine.event;

import java.util.Map;

/** The fields of one LogEntry that normalisation reads, as {@link LogEntryReader} found them. */
final class EntryFields {
    String insertId;
    String logName;
    String timestamp;
    String receiveTimestamp;
    Severity severity;
    String textPayload;
    final PayloadFields json = new PayloadFields();
    String protoStatusMessage;
    String protoMethodName;
    String protoResourceName;
    String httpMethod;
    String httpUrl;
    String httpStatus;
    String httpLatency;
    String resourceType;
    Map<String, String> resourceLabels = Map.of();
    Map<String, String> labels = Map.of();
    boolean knownFieldSeen;
    byte[] raw;

    /** The message and level fields of a structured payload: {@code jsonPayload}, or JSON printed as text. */
    static final class PayloadFields {
        String message;
        String msg;
        String textPayload;
        String severity;
        String level;
        String levelname;
        boolean present;

        String firstMessage() {
            return message != null ? message : msg != null ? msg : textPayload;
        }

        String firstLevel() {
            return severity != null ? severity : level != null ? level : levelname;
        }
    }
}
