package dev.homeport.netconf.schema;

import java.util.concurrent.CancellationException;

/**
 * Lets a user stop a schema load from another thread (a UI's cancel button). Cancelling is final; the load stops
 * within about 100 ms, after the get-schema RPCs already in flight are answered (at most a few seconds).
 */
public final class Cancellation {
    private volatile boolean cancelled;

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancellationException} saying what was stopped, if cancelled. */
    public void check(String what) {
        if (cancelled) {
            throw new CancellationException(what + " cancelled");
        }
    }
}
