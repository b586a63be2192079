package dev.homeport.netconf.schema;

import dev.homeport.netconf.ops.NetconfClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the text of every module a device lists, from the {@link ModuleCache} when it holds that exact revision,
 * else from the device with get-schema (RFC 6022), storing what it downloads. Imports and includes of each module
 * that nobody asked for yet are followed (cache first, then the device), so a device that forgets to list a
 * dependency still yields a complete schema.
 *
 * <p>At most {@code maxOutstanding} get-schema RPCs are outstanding on the session at once; reading the cache and
 * parsing run beside them on the other cores. A failure is recorded per module and never stops the others.
 */
public final class SchemaDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaDownloader.class);
    public static final int DEFAULT_MAX_OUTSTANDING = 4;
    /** How long a cancelled download waits for the get-schema RPCs in flight. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

    /** Fetches one module's YANG text from a device. */
    @FunctionalInterface
    public interface SchemaFetcher {
        String fetch(ModuleRef module) throws Exception;
    }

    /** get-schema with format yang, and the version when the revision is known. */
    public static SchemaFetcher getSchema(NetconfClient client) {
        return ref -> client.getSchema(ref.name(), ref.revision().orElse(null), "yang");
    }

    private final ModuleCache cache;
    private final int maxOutstanding;

    public SchemaDownloader(ModuleCache cache, int maxOutstanding) {
        if (maxOutstanding < 1) {
            throw new IllegalArgumentException("maxOutstanding must be at least 1, not " + maxOutstanding);
        }
        this.cache = cache;
        this.maxOutstanding = maxOutstanding;
    }

    public SchemaDownloader(ModuleCache cache) {
        this(cache, DEFAULT_MAX_OUTSTANDING);
    }

    private record Request(ModuleRef ref, boolean announced, Optional<ModuleRef> requestedBy) {
    }

    /**
     * Fetches every module and submodule of {@code modules}, the deviation modules it names, and what they import
     * or include.
     *
     * @param fetcher  the device's get-schema, or null when the device offers none (then only the cache is used)
     * @param device   names the device in messages
     * @throws CancellationException when {@code cancel} is cancelled; stored files stay valid
     */
    public DownloadReport download(DeviceModules modules, SchemaFetcher fetcher, String device,
                                   SchemaProgressListener listener, Cancellation cancel) {
        long start = System.nanoTime();
        SchemaProgressListener progress = SchemaProgressListener.guarded(listener);
        List<Request> initial = initialRequests(modules);
        Map<ModuleRef, Request> requested = new LinkedHashMap<>();
        List<ModuleOutcome> outcomes = new ArrayList<>();
        // cache reads and parsing run wide; only the get-schema calls are held to maxOutstanding
        ExecutorService pool = Executors.newFixedThreadPool(maxOutstanding
                + Runtime.getRuntime().availableProcessors(), Thread.ofVirtual().name("schema-download-", 0).factory());
        Semaphore rpcs = new Semaphore(maxOutstanding);
        ExecutorCompletionService<ModuleOutcome> done = new ExecutorCompletionService<>(pool);
        int[] counts = {0, 0}; // finished, total
        int pending = 0;
        try {
            for (Request r : initial) {
                if (requested.putIfAbsent(r.ref, r) == null) {
                    pending += submit(done, r, fetcher, rpcs, device, progress, cancel, counts);
                }
            }
            while (pending > 0) {
                Future<ModuleOutcome> f = done.poll(100, TimeUnit.MILLISECONDS);
                if (f == null) {
                    cancel.check("schema download after " + counts[0] + " of " + counts[1] + " modules");
                    continue;
                }
                pending--;
                cancel.check("schema download after " + counts[0] + " of " + counts[1] + " modules");
                ModuleOutcome o = result(f);
                outcomes.add(o);
                synchronized (counts) {
                    counts[0]++;
                }
                progress.progress(SchemaProgress.of(switch (o.status()) {
                    case CACHED -> SchemaProgress.Stage.MODULE_CACHED;
                    case DOWNLOADED -> SchemaProgress.Stage.MODULE_DOWNLOADED;
                    case FAILED -> SchemaProgress.Stage.MODULE_FAILED;
                }, counts[0], counts[1], o.requested(), o.problem().orElse(o.status().name().toLowerCase())));
                if (o.source().isPresent()) {
                    for (Request follow : followUps(o.source().get(), requested, modules)) {
                        requested.put(follow.ref, follow);
                        pending += submit(done, follow, fetcher, rpcs, device, progress, cancel, counts);
                    }
                }
            }
            cancel.check("schema download after " + counts[0] + " of " + counts[1] + " modules");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("schema download interrupted");
        } finally {
            stop(pool);
        }
        outcomes.sort(Comparator.comparing(ModuleOutcome::requested));
        return new DownloadReport(outcomes, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Lets fetches in flight finish (briefly), so that a cancelled download leaves no get-schema outstanding on the
     * session: some devices fail when the next RPC overlaps an unanswered get-schema (see DeviceQuirks).
     */
    private static void stop(ExecutorService pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private int submit(ExecutorCompletionService<ModuleOutcome> done, Request r, SchemaFetcher fetcher,
                       Semaphore rpcs, String device, SchemaProgressListener progress, Cancellation cancel,
                       int[] counts) {
        synchronized (counts) {
            counts[1]++;
        }
        done.submit(() -> {
            int finished;
            int total;
            synchronized (counts) {
                finished = counts[0];
                total = counts[1];
            }
            progress.progress(SchemaProgress.of(SchemaProgress.Stage.MODULE_STARTED, finished, total, r.ref,
                    "looking for " + r.ref.id()));
            return fetch(r, fetcher, rpcs, device, cancel);
        });
        return 1;
    }

    private static ModuleOutcome result(Future<ModuleOutcome> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // fetch() catches everything it expects; this is a bug, reported rather than thrown
            LOG.warn("module fetch failed unexpectedly", e.getCause());
            throw new IllegalStateException("module fetch failed: " + e.getCause(), e.getCause());
        }
    }

    /** Device-listed modules and submodules, and deviation modules the device names but does not list. */
    static List<Request> initialRequests(DeviceModules modules) {
        List<Request> out = new ArrayList<>();
        for (DeviceModule m : modules.modules()) {
            out.add(new Request(m.ref(), true, Optional.empty()));
            for (ModuleRef s : m.submodules()) {
                out.add(new Request(s, true, Optional.empty()));
            }
        }
        for (DeviceModule m : modules.modules()) {
            for (String d : m.deviations()) {
                if (modules.modules(d).isEmpty() && out.stream().noneMatch(r -> r.ref.name().equals(d))) {
                    out.add(new Request(ModuleRef.of(d), true, Optional.empty()));
                }
            }
        }
        return out;
    }

    /** Imports and includes that no request covers yet. */
    private static List<Request> followUps(ModuleSource s, Map<ModuleRef, Request> requested, DeviceModules modules) {
        List<Request> out = new ArrayList<>();
        List<ModuleRef> deps = new ArrayList<>(s.imports());
        deps.addAll(s.includes());
        for (ModuleRef dep : deps) {
            boolean covered = requested.keySet().stream().anyMatch(dep::matches)
                    || out.stream().anyMatch(r -> dep.matches(r.ref));
            if (covered) {
                continue;
            }
            // the device may still know the revision: netconf-state lists retrievable files
            ModuleRef ref = dep.revision().isPresent() ? dep : modules.schemas().stream()
                    .filter(e -> e.identifier().equals(dep.name()) && e.isYang() && e.version().isPresent())
                    .map(e -> new ModuleRef(e.identifier(), e.version()))
                    .max(Comparator.naturalOrder()).orElse(dep);
            out.add(new Request(ref, false, Optional.of(s.ref())));
        }
        return out;
    }

    private ModuleOutcome fetch(Request r, SchemaFetcher fetcher, Semaphore rpcs, String device,
                                Cancellation cancel) {
        if (cancel.isCancelled()) {
            return outcome(r, ModuleOutcome.Status.FAILED, Optional.empty(), List.of("cancelled"));
        }
        List<String> notes = new ArrayList<>();
        // A listed module without revision: only the device knows which text it means, so ask it first.
        boolean cacheFirst = r.ref.revision().isPresent() || !r.announced;
        if (cacheFirst) {
            Optional<ModuleSource> cached = fromCache(r.ref, notes);
            if (cached.isPresent()) {
                return outcome(r, ModuleOutcome.Status.CACHED, cached, notes);
            }
        }
        if (fetcher == null) {
            notes.add(0, "not in the module cache, and " + device + " offers no get-schema");
            return fallback(r, cacheFirst, notes);
        }
        if (cancel.isCancelled()) {
            return outcome(r, ModuleOutcome.Status.FAILED, Optional.empty(), List.of("cancelled"));
        }
        String text;
        try {
            rpcs.acquire();
            try {
                if (cancel.isCancelled()) {
                    return outcome(r, ModuleOutcome.Status.FAILED, Optional.empty(), List.of("cancelled"));
                }
                text = fetcher.fetch(r.ref);
            } finally {
                rpcs.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome(r, ModuleOutcome.Status.FAILED, Optional.empty(), List.of("cancelled"));
        } catch (Exception e) {
            notes.add(0, "get-schema from " + device + " failed: " + ModuleDiscovery.firstLine(e));
            return fallback(r, cacheFirst, notes);
        }
        String origin = "get-schema " + r.ref.id() + " from " + device;
        try {
            return outcome(r, ModuleOutcome.Status.DOWNLOADED, Optional.of(cache.store(r.ref, text, origin)), notes);
        } catch (InvalidModuleException e) {
            notes.add(0, device + " returned unusable text: " + e.getMessage());
            return fallback(r, cacheFirst, notes);
        } catch (IOException e) {
            // the disk failed us, the device did not: use the text for this load, uncached
            notes.add("not stored in the module cache: " + e.getMessage());
            try {
                return outcome(r, ModuleOutcome.Status.DOWNLOADED,
                        Optional.of(ModuleSource.parseExpected(text, r.ref, origin)), notes);
            } catch (InvalidModuleException impossible) {
                notes.add(0, impossible.getMessage());
                return outcome(r, ModuleOutcome.Status.FAILED, Optional.empty(), notes);
            }
        }
    }

    /** When the device cannot give a listed module without revision, the newest cached one is better than none. */
    private ModuleOutcome fallback(Request r, boolean cacheTried, List<String> notes) {
        if (!cacheTried) {
            Optional<ModuleSource> cached = fromCache(r.ref, notes);
            if (cached.isPresent()) {
                notes.add("using the cached " + cached.get().ref().id() + " instead");
                return outcome(r, ModuleOutcome.Status.CACHED, cached, notes);
            }
        }
        return outcome(r, ModuleOutcome.Status.FAILED, Optional.empty(), notes);
    }

    private Optional<ModuleSource> fromCache(ModuleRef ref, List<String> notes) {
        try {
            return cache.load(ref);
        } catch (InvalidModuleException e) {
            notes.add("cached file is damaged and is replaced: " + e.getMessage());
        } catch (IOException e) {
            notes.add("module cache unreadable: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static ModuleOutcome outcome(Request r, ModuleOutcome.Status status, Optional<ModuleSource> source,
                                         List<String> notes) {
        Optional<String> problem = notes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", notes));
        return new ModuleOutcome(r.ref, status, source, problem, r.requestedBy);
    }
}
