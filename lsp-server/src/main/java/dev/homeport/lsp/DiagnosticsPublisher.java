package dev.homeport.lsp;

import dev.homeport.yang.YangLanguageService;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Document;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes diagnostics in two passes: the fast ones (syntax, index, our checks) right after each change, on the
 * thread that applied it, and yangtools' verdict after the user pauses ({@code semanticDelayMillis}) on a thread of
 * its own. Every mutation of the workspace bumps a generation under {@link #lock()}; a semantic pass that started
 * before the latest mutation is superseded: its results are dropped (their offsets belong to older text) and its
 * documents wait for the pass the newer edit scheduled. A pass not yet started is cancelled; one in progress runs
 * to its end, because yangtools cannot be stopped inside a reactor run: interrupting only left its threads
 * compiling beside the next pass, two big compilations at once on every keystroke. Finishing costs little: the
 * verdicts it reached are cached per closure, so the next pass recompiles only what the edit changed.
 */
final class DiagnosticsPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(DiagnosticsPublisher.class);

    private final YangLanguageService service;
    private final Consumer<PublishDiagnosticsParams> client;
    private final ScheduledExecutorService semanticThread;
    private final long semanticDelayMillis;
    private final Object lock = new Object();
    private final AtomicLong generation = new AtomicLong();
    private final Set<URI> semanticPending = new LinkedHashSet<>(); // guarded by lock
    private ScheduledFuture<?> semanticRun; // guarded by lock
    private final AtomicLong semanticRuns = new AtomicLong();
    private final AtomicLong semanticDropped = new AtomicLong();
    /** The URI exactly as the client spelled it, per normalized URI: clients match diagnostics by string. */
    private final Map<URI, String> clientUris = new java.util.concurrent.ConcurrentHashMap<>();

    DiagnosticsPublisher(YangLanguageService service, Consumer<PublishDiagnosticsParams> client,
                         ScheduledExecutorService semanticThread, long semanticDelayMillis) {
        this.service = service;
        this.client = client;
        this.semanticThread = semanticThread;
        this.semanticDelayMillis = semanticDelayMillis;
    }

    /** Held while the workspace changes and while results are checked and published, so the two never interleave. */
    Object lock() {
        return lock;
    }

    /** Call under {@link #lock()} before changing the workspace: any analysis running now becomes stale. */
    void mutating() {
        generation.incrementAndGet();
    }

    /** Publishes the fast diagnostics of the open documents among {@code affected} and schedules the semantic pass. */
    void changed(Collection<URI> affected) {
        List<URI> open = affected.stream().filter(u -> service.document(u).isPresent()).distinct().toList();
        if (open.isEmpty()) {
            return;
        }
        for (URI uri : open) {
            publishFast(uri);
        }
        synchronized (lock) {
            semanticPending.addAll(open);
            if (semanticRun != null) {
                // not started: dropped; running: left to finish (its verdicts are cached, its results dropped)
                semanticRun.cancel(false);
            }
            semanticRun = semanticThread.schedule(this::runSemantic, semanticDelayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Remembers how the client spells a document's URI. */
    void opened(URI uri, String clientUri) {
        clientUris.put(uri, clientUri);
    }

    /** The URI as the client spells it (for documents it opened), else the normalized form. */
    String spell(URI uri) {
        return clientUris.getOrDefault(uri, uri.toString());
    }

    /** An empty list for a document that was closed: its problems leave the editor with it. */
    void cleared(URI uri) {
        synchronized (lock) {
            semanticPending.remove(uri);
            String spelled = clientUris.remove(uri);
            client.accept(new PublishDiagnosticsParams(spelled != null ? spelled : uri.toString(), List.of()));
        }
    }

    private void publishFast(URI uri) {
        List<Diagnostic> fast;
        try {
            fast = service.fastDiagnostics(uri);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("diagnostics of {} failed", uri, e);
            return;
        }
        synchronized (lock) {
            publish(uri, fast);
        }
    }

    private void runSemantic() {
        long started;
        List<URI> uris;
        synchronized (lock) {
            started = generation.get();
            uris = new ArrayList<>(semanticPending);
            semanticPending.clear();
        }
        uris.removeIf(u -> service.document(u).isEmpty());
        if (uris.isEmpty()) {
            return;
        }
        semanticRuns.incrementAndGet();
        Map<URI, List<Diagnostic>> results;
        try {
            results = service.diagnosticsFeature().diagnostics(uris, null);
        } catch (RuntimeException | StackOverflowError e) {
            if (Thread.interrupted() || generation.get() != started) {
                // a newer edit cancelled this pass (or the server is closing): its documents wait for the next one
                synchronized (lock) {
                    semanticDropped.incrementAndGet();
                    semanticPending.addAll(uris);
                }
                return;
            }
            LOG.error("semantic analysis of {} failed", uris, e);
            return;
        }
        synchronized (lock) {
            if (generation.get() != started) {
                // superseded: the edit that bumped the generation scheduled a newer pass; these wait for it
                semanticDropped.incrementAndGet();
                semanticPending.addAll(uris);
                return;
            }
            for (URI uri : uris) {
                publish(uri, results.getOrDefault(uri, List.of()));
            }
        }
    }

    /** Under lock: the document's text is the one the diagnostics were computed on. */
    private void publish(URI uri, List<Diagnostic> diagnostics) {
        Optional<Document> doc = service.document(uri);
        if (doc.isEmpty()) {
            return;
        }
        Document d = doc.get();
        List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic x : diagnostics) {
            out.add(LspConversions.toLsp(x, d.lines()));
        }
        PublishDiagnosticsParams params = new PublishDiagnosticsParams(
                clientUris.getOrDefault(d.uri(), d.uri().toString()), out, d.version());
        client.accept(params);
    }

    /** Semantic passes started, and how many of them were superseded (for tests and logs). */
    long semanticRuns() {
        return semanticRuns.get();
    }

    long semanticDropped() {
        return semanticDropped.get();
    }
}
