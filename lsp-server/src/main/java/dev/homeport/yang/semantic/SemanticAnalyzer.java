package dev.homeport.yang.semantic;

import dev.homeport.yang.check.CheckContext;
import dev.homeport.yang.check.Checks;
import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.ModuleReference;
import dev.homeport.yang.model.ModelWorld;
import dev.homeport.yang.model.SemanticFingerprint;
import dev.homeport.yang.model.SourceTrees;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.model.StatementPaths;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Span;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;
import org.opendaylight.yangtools.yang.parser.ri.DefaultYangParserFactory;
import org.opendaylight.yangtools.yang.xpath.impl.AntlrXPathParserFactory;

/**
 * The yangtools layer: compiles each unit (a module with its submodules) together with everything it imports, and
 * reports what yangtools finds on the statements it names (see {@link YangtoolsRunner} for how more than the first
 * phase's errors come out).
 *
 * <p>Incremental by construction: a unit's verdict is cached under the {@link SemanticFingerprint}s of every source
 * in its closure plus the patches applied, so after an edit only the units whose closure holds the edited source
 * run again (the edited module and its dependents), and an edit that changes only documentation, comments or
 * layout runs nothing. The IR of unchanged sources is reused ({@link IrCache}).
 */
public final class SemanticAnalyzer {
    // the XPath parser named, as the engine's SchemaBuilder does: the no-argument constructor finds it through
    // ServiceLoader, which sees nothing through OSGi class loaders (the Eclipse editor runs this core as a bundle)
    private static final YangParserFactory FACTORY = new DefaultYangParserFactory(new AntlrXPathParserFactory());
    private static final YangParserConfiguration CONFIGURATION = YangParserConfiguration.DEFAULT;
    private static final int MAX_VERDICTS = 4096;

    private final SourceTrees trees;
    private final IrCache irs = new IrCache();
    /** Verdicts by closure key; bounded, oldest out (an editing session makes a new key per semantic edit). */
    private final Map<String, List<StoredFinding>> verdicts = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<StoredFinding>> eldest) {
                    return size() > MAX_VERDICTS;
                }
            });
    private volatile Stats last = new Stats(0, 0, 0, 0, 0);
    private final java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();

    /** A finding stored by statement address, so that it maps onto later versions with the same fingerprint. */
    private record StoredFinding(URI source, int[] path, String code, String message) {
    }

    /**
     * Figures of the last {@link #analyze} call: units asked, units answered from the cache, batches, reactor runs,
     * and the CPU time of the yangtools threads.
     */
    public record Stats(int units, int cached, int batches, int runs, long cpuNanos) {
        @Override
        public String toString() {
            return "units " + units + ", cached " + cached + ", batches " + batches + ", reactor runs " + runs
                    + ", cpu " + cpuNanos / 1_000_000 + " ms";
        }
    }

    public SemanticAnalyzer(SourceTrees trees) {
        this.trees = trees;
    }

    public Stats lastStats() {
        return last;
    }

    /**
     * The yangtools diagnostics of every source of the given units. {@code checks} gives the result of our own
     * checks for any unit (the statements they found broken are patched out before yangtools sees them, in the
     * units analysed and in their dependencies). Units whose imports do not all resolve, or that import in a circle,
     * are not compiled (the index and the import-cycle check say why). yangtools runs on threads of its own with
     * large stacks; with {@code parallelism} above 1, large batches are split into that many runs side by side.
     */
    public Map<URI, List<Diagnostic>> analyze(ModelWorld world, Collection<IndexedSource> units,
            Function<IndexedSource, Checks.UnitResult> checks, int parallelism) {
        Map<URI, List<Diagnostic>> out = new LinkedHashMap<>();
        List<YangtoolsRunner.Unit> toRun = new ArrayList<>();
        Map<IndexedSource, String> keys = new IdentityHashMap<>();
        Map<IndexedSource, Set<StatementPatch>> patches = new IdentityHashMap<>();
        Map<IndexedSource, SyntaxTree> treeOf = new IdentityHashMap<>();
        int cached = 0;
        Set<IndexedSource> seenUnits = ModelWorld.identitySet();
        for (IndexedSource main : units) {
            if (!seenUnits.add(main)) {
                continue;
            }
            ModelWorld.Closure closure = world.closure(main);
            List<IndexedSource> own = ownSources(world, main);
            for (IndexedSource s : own) {
                out.putIfAbsent(s.uri(), new ArrayList<>());
            }
            if (!closure.complete() || hasImportCycle(world, closure)) {
                continue;
            }
            boolean readable = true;
            for (IndexedSource s : closure.sources()) {
                SyntaxTree t = trees.tree(s);
                readable &= t != null && t.moduleStatement().isPresent();
                treeOf.put(s, t);
                if (!patches.containsKey(s)) {
                    patches.put(s, patchesOf(world, s, checks));
                }
            }
            if (!readable) {
                continue;
            }
            String key = key(closure, treeOf, patches);
            keys.put(main, key);
            List<StoredFinding> verdict = verdicts.get(key);
            if (verdict != null) {
                cached++;
                addAll(out, verdict, world);
            } else {
                toRun.add(new YangtoolsRunner.Unit(main, own, closure.sources()));
            }
        }
        List<List<YangtoolsRunner.Unit>> batches = BatchPlanner.plan(toRun, this::deviates);
        if (parallelism > 1) {
            batches = BatchPlanner.split(batches, parallelism);
        }
        List<YangtoolsRunner.Result> results = new ArrayList<>();
        int runs = 0;
        List<Callable<YangtoolsRunner.Result>> tasks = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuBefore = cpu.get();
        for (List<YangtoolsRunner.Unit> batch : batches) {
            tasks.add(() -> {
                long start = threads.getCurrentThreadCpuTime();
                try {
                    return new YangtoolsRunner(FACTORY, CONFIGURATION, treeOf, irs).run(batch, patches);
                } finally {
                    cpu.addAndGet(threads.getCurrentThreadCpuTime() - start);
                }
            });
        }
        results.addAll(onLargeStacks(tasks, Math.max(1, parallelism)));
        for (YangtoolsRunner.Result r : results) {
            runs += r.runs();
            r.findings().forEach((main, findings) -> {
                List<StoredFinding> stored = new ArrayList<>();
                for (YangtoolsRunner.Finding f : findings) {
                    stored.add(new StoredFinding(f.source().uri(), f.statement() == null ? null : StatementPaths.of(f.statement()),
                            f.code(), f.message()));
                }
                if (!r.skipped().contains(main)) {
                    verdicts.put(keys.get(main), List.copyOf(stored));
                }
                addAll(out, stored, world);
            });
        }
        last = new Stats(keys.size(), cached, batches.size(), runs, cpu.get() - cpuBefore);
        return out;
    }

    /** yangtools' reactor recurses once per nesting level; deeply nested modules need more than a default stack. */
    static final long STACK_BYTES = 512L * 1024 * 1024;

    /**
     * Runs the tasks on up to {@code threads} threads of their own with large stacks (reserved, committed only as
     * used), and returns their results in order.
     */
    private static <T> List<T> onLargeStacks(List<Callable<T>> tasks, int threads) {
        List<T> results = new ArrayList<>(Collections.nCopies(tasks.size(), null));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < tasks.size() && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    results.set(i, tasks.get(i).call());
                } catch (Exception | Error e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, tasks.size()); t++) {
            Thread thread = new Thread(null, worker, "homeport-yangtools-" + t, STACK_BYTES);
            thread.setDaemon(true);
            thread.start();
            started.add(thread);
        }
        try {
            for (Thread thread : started) {
                thread.join();
            }
        } catch (InterruptedException e) {
            started.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling with yangtools", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("yangtools run failed", failure.get());
        }
        return results;
    }

    /** Forgets IR of sources the index no longer has (verdicts are small and keyed by content; they stay). */
    public void retainCurrent() {
        Set<IndexedSource> current = Collections.newSetFromMap(new IdentityHashMap<>());
        current.addAll(trees.index().sources());
        irs.retainOnly(current);
    }

    private static List<IndexedSource> ownSources(ModelWorld world, IndexedSource main) {
        List<IndexedSource> own = new ArrayList<>();
        for (IndexedSource s : world.sourcesOfModule(main)) {
            if (s == main || Checks.unitOf(world, s) == main) {
                own.add(s);
            }
        }
        return own;
    }

    private static Set<StatementPatch> patchesOf(ModelWorld world, IndexedSource source,
            Function<IndexedSource, Checks.UnitResult> checks) {
        Checks.UnitResult r = checks.apply(Checks.unitOf(world, source));
        SyntaxTree tree = world.tree(source);
        Set<StatementPatch> set = new LinkedHashSet<>();
        if (r != null) {
            for (StatementPatch p : r.patches()) {
                if (p.statement().tree() == tree) {
                    set.add(p);
                }
            }
        }
        return set;
    }

    private boolean deviates(IndexedSource s) {
        SyntaxTree t = trees.tree(s);
        return t != null && t.moduleStatement().map(m -> !m.children("deviation").isEmpty()).orElse(false);
    }

    private static boolean hasImportCycle(ModelWorld world, ModelWorld.Closure closure) {
        Map<IndexedSource, Integer> state = new IdentityHashMap<>();
        for (IndexedSource s : closure.sources()) {
            if (cycleFrom(world, s, state)) {
                return true;
            }
        }
        return false;
    }

    private static boolean cycleFrom(ModelWorld world, IndexedSource s, Map<IndexedSource, Integer> state) {
        Integer st = state.get(s);
        if (st != null) {
            return st == 1;
        }
        state.put(s, 1);
        if (s.header() != null) {
            for (ModuleReference ref : s.header().references()) {
                if (ref.kind() == ModuleReference.Kind.BELONGS_TO) {
                    continue;
                }
                IndexedSource t = world.resolve(s, ref).target();
                if (t != null && cycleFrom(world, t, state)) {
                    return true;
                }
            }
        }
        state.put(s, 2);
        return false;
    }

    private static String key(ModelWorld.Closure closure, Map<IndexedSource, SyntaxTree> trees,
            Map<IndexedSource, Set<StatementPatch>> patches) {
        List<IndexedSource> sorted = new ArrayList<>(closure.sources());
        sorted.sort(Comparator.comparing(s -> s.uri().toString()));
        StringBuilder sb = new StringBuilder(closure.main().uri().toString()).append('\n');
        for (IndexedSource s : sorted) {
            sb.append(s.uri()).append(' ').append(SemanticFingerprint.of(trees.get(s)));
            List<String> ps = new ArrayList<>();
            for (StatementPatch p : patches.getOrDefault(s, Set.of())) {
                ps.add(p.action() + Arrays.toString(StatementPaths.of(p.statement())));
            }
            Collections.sort(ps);
            sb.append(' ').append(ps).append('\n');
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void addAll(Map<URI, List<Diagnostic>> out, List<StoredFinding> findings, ModelWorld world) {
        Map<URI, SyntaxTree> current = new HashMap<>();
        for (StoredFinding f : findings) {
            SyntaxTree tree = current.computeIfAbsent(f.source(), u -> world.index().source(u).map(trees::tree).orElse(null));
            if (tree == null) {
                continue;
            }
            Statement st = f.path() == null ? tree.moduleStatement().orElse(null) : StatementPaths.resolve(tree, f.path());
            if (st == null) {
                continue;
            }
            Span span = CheckContext.argumentSpan(st);
            out.computeIfAbsent(f.source(), u -> new ArrayList<>()).add(new Diagnostic(span,
                    dev.homeport.yang.feature.DiagnosticCodes.defaultSeverity(f.code()), f.code(), f.message()));
        }
    }
}
