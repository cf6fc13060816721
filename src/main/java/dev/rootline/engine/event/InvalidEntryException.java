package dev.rootline.engine.event;

/** A payload, or one entry in it, that is not a LogEntry Rootline can store; the message says why. */
public class InvalidEntryException extends Exception {

    private final int entryIndex;

    public InvalidEntryException(int entryIndex, String reason) {
        super(reason);
        this.entryIndex = entryIndex;
    }

    public InvalidEntryException(String reason) {
        this(-1, reason);
    }

    /** Index of the offending entry in the payload, or -1 when the payload as a whole is at fault. */
    public int entryIndex() {
        return entryIndex;
    }

    public InvalidEntryException at(int index) {
        return new InvalidEntryException(index, getMessage());
    }
}
