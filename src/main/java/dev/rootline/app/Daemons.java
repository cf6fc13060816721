package dev.rootline.app;

import java.util.concurrent.ThreadFactory;

/** Rootline's background threads: named, for thread dumps, and daemons, so none of them holds the JVM up. */
public final class Daemons {

    private Daemons() {}

    /** A daemon thread, not yet started: a caller may need to publish it before it runs. */
    public static Thread thread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    /** For an executor of one thread. */
    public static ThreadFactory named(String name) {
        return work -> thread(name, work);
    }
}
