package dev.homeport.netconf.schema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives {@link SchemaProgress} events. Calls are serialized (never two at once) but may come from download
 * threads; a listener that throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface SchemaProgressListener {
    SchemaProgressListener NONE = p -> {
    };

    void progress(SchemaProgress progress);

    /** Serializes calls and contains listener failures. */
    static SchemaProgressListener guarded(SchemaProgressListener l) {
        if (l == null || l == NONE) {
            return NONE;
        }
        Logger log = LoggerFactory.getLogger(SchemaProgressListener.class);
        Object lock = new Object();
        return p -> {
            synchronized (lock) {
                try {
                    l.progress(p);
                } catch (RuntimeException e) {
                    log.warn("schema progress listener failed on {}", p, e);
                }
            }
        };
    }
}
