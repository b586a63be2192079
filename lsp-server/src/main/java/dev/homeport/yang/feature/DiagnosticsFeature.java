package dev.homeport.yang.feature;

import dev.homeport.yang.check.Check;
import dev.homeport.yang.check.Checks;
import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.model.ModelWorld;
import dev.homeport.yang.model.SourceTrees;
import dev.homeport.yang.semantic.SemanticAnalyzer;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.text.Diagnostic;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The diagnostics of YANG sources, in four layers: syntax (parser), structure and references (workspace index),
 * our own checks on the syntax trees and index ({@link Checks}), and yangtools' compilation
 * ({@link SemanticAnalyzer}). The user's {@link DiagnosticSettings} decide each code's severity.
 *
 * <p>Incremental: check results are cached per unit (a module with its submodules) for as long as no source in the
 * unit's closure changes; yangtools verdicts per closure fingerprint. So after an edit, asking again costs the
 * checks of the edited unit (plus yangtools for it and its dependents, when the edit changes meaning), and asking
 * for other sources costs nothing until their dependencies change. {@link #fastDiagnostics} leaves yangtools out,
 * for the keystroke path of an editor; {@link #diagnostics(URI)} includes it.
 */
public final class DiagnosticsFeature {
    private final WorkspaceIndex index;
    private final SourceTrees trees;
    private final SemanticAnalyzer semantics;
    private final List<Check> checks = Checks.all();
    private final Map<URI, CachedChecks> checkCache = new ConcurrentHashMap<>();
    private volatile DiagnosticSettings settings = DiagnosticSettings.DEFAULTS;
    private final java.util.concurrent.atomic.AtomicLong unitsChecked = new java.util.concurrent.atomic.AtomicLong();

    private record CachedChecks(IndexedSource main, List<IndexedSource> closure, Checks.UnitResult result) {
        boolean fits(IndexedSource main, List<IndexedSource> closure) {
            if (this.main != main || this.closure.size() != closure.size()) {
                return false;
            }
            for (int i = 0; i < closure.size(); i++) {
                if (this.closure.get(i) != closure.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    public DiagnosticsFeature(WorkspaceIndex index) {
        this.index = index;
        this.trees = new SourceTrees(index);
        this.semantics = new SemanticAnalyzer(trees);
    }

    public DiagnosticSettings settings() {
        return settings;
    }

    public void setSettings(DiagnosticSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    public SemanticAnalyzer semantics() {
        return semantics;
    }

    /** All diagnostics of one source, yangtools' included, in text order. */
    public List<Diagnostic> diagnostics(URI uri) {
        return diagnostics(List.of(uri), null).getOrDefault(WorkspaceIndex.normalize(uri), List.of());
    }

    /** Syntax, index and our own checks, without yangtools: what an editor shows while the user types. */
    public List<Diagnostic> fastDiagnostics(URI uri) {
        URI key = WorkspaceIndex.normalize(uri);
        IndexedSource source = index.source(key).orElse(null);
        if (source == null) {
            return List.of();
        }
        ModelWorld world = new ModelWorld(trees);
        Checks.UnitResult r = checksOf(world, Checks.unitOf(world, source));
        return assemble(source, r, List.of());
    }

    /**
     * All diagnostics of many sources at once (the batch command): the checks of every unit involved run on
     * {@code executor} (null: here), and yangtools compiles the units in as few reactor runs as it can.
     */
    public Map<URI, List<Diagnostic>> diagnostics(Collection<URI> uris, ExecutorService executor) {
        ModelWorld world = new ModelWorld(trees);
        List<IndexedSource> sources = new ArrayList<>();
        List<IndexedSource> units = new ArrayList<>();
        Set<IndexedSource> seenUnits = ModelWorld.identitySet();
        for (URI uri : uris) {
            index.source(WorkspaceIndex.normalize(uri)).ifPresent(s -> {
                sources.add(s);
                IndexedSource unit = Checks.unitOf(world, s);
                if (seenUnits.add(unit)) {
                    units.add(unit);
                }
            });
        }
        // every unit whose checks are needed: those asked for, and those of their dependencies (for the patches)
        Set<IndexedSource> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (IndexedSource u : units) {
            for (IndexedSource s : world.closure(u).sources()) {
                needed.add(Checks.unitOf(world, s));
            }
        }
        precompute(needed, executor);
        Map<URI, List<Diagnostic>> semantic = semantics.analyze(world, units, u -> checksOf(world, u), parallelism(executor));
        Map<URI, List<Diagnostic>> out = new LinkedHashMap<>();
        for (IndexedSource s : sources) {
            Checks.UnitResult r = checksOf(world, Checks.unitOf(world, s));
            out.put(s.uri(), assemble(s, r, semantic.getOrDefault(s.uri(), List.of())));
        }
        return out;
    }

    /** How many times our checks ran on a unit (the rest came from the cache): for tests and benchmarks. */
    public long unitsChecked() {
        return unitsChecked.get();
    }

    /** yangtools runs side by side as many as the executor has threads (one without an executor). */
    private static int parallelism(ExecutorService executor) {
        if (executor == null) {
            return 1;
        }
        if (executor instanceof java.util.concurrent.ThreadPoolExecutor pool) {
            return Math.max(1, pool.getMaximumPoolSize());
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Drops caches of sources the index no longer has; call after edits and closes now and then. */
    public void retainCurrent() {
        trees.retainCurrent();
        semantics.retainCurrent();
        Set<URI> current = new LinkedHashSet<>();
        for (IndexedSource s : index.sources()) {
            current.add(s.uri());
        }
        checkCache.keySet().retainAll(current);
    }

    private void precompute(Set<IndexedSource> units, ExecutorService executor) {
        if (executor == null) {
            return; // computed on demand
        }
        List<Future<?>> futures = new ArrayList<>();
        for (IndexedSource u : units) {
            futures.add(executor.submit(() -> checksOf(new ModelWorld(trees), u)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("checks failed", e.getCause());
            }
        }
    }

    private Checks.UnitResult checksOf(ModelWorld world, IndexedSource main) {
        List<IndexedSource> closure = world.closure(main).sources();
        CachedChecks cached = checkCache.get(main.uri());
        if (cached != null && cached.fits(main, closure)) {
            return cached.result();
        }
        Checks.UnitResult r = Checks.run(world, main, checks);
        unitsChecked.incrementAndGet();
        checkCache.put(main.uri(), new CachedChecks(main, closure, r));
        return r;
    }

    private List<Diagnostic> assemble(IndexedSource source, Checks.UnitResult checked, List<Diagnostic> semantic) {
        List<Diagnostic> all = new ArrayList<>();
        SyntaxTree tree = trees.tree(source);
        if (tree != null) {
            all.addAll(tree.diagnostics());
        }
        all.addAll(index.diagnostics(source.uri()));
        List<Diagnostic> own = checked.diagnostics().getOrDefault(source.uri(), List.of());
        all.addAll(own);
        for (Diagnostic d : semantic) {
            if (!covered(d, all)) {
                all.add(d);
            }
        }
        List<Diagnostic> out = settings.apply(all);
        out.sort(Comparator.comparing(Diagnostic::span).thenComparing(Diagnostic::code));
        return out;
    }

    /** A yangtools diagnostic says nothing new when an earlier layer reports the same code at an overlapping place. */
    private static boolean covered(Diagnostic d, List<Diagnostic> earlier) {
        for (Diagnostic e : earlier) {
            if (e.code().equals(d.code()) && e.span().start() <= d.span().end() && d.span().start() <= e.span().end()) {
                return true;
            }
        }
        return false;
    }
}
