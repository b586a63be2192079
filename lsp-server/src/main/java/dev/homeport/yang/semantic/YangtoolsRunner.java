package dev.homeport.yang.semantic;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendaylight.yangtools.yang.model.api.meta.DeclarationInText;
import org.opendaylight.yangtools.yang.model.api.meta.DeclarationReference;
import org.opendaylight.yangtools.yang.model.api.meta.StatementSourceReference;
import org.opendaylight.yangtools.yang.model.api.meta.StatementSourceReferenceAware;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;

/**
 * Runs the yangtools reactor on a batch of units and gets as many errors out of it as it can. The reactor works
 * phase by phase and gives up at the end of the first phase with errors, reporting only that phase's. So: after a
 * failed run every statement that was reported is patched out ({@link StatementPatch}: left out, or a broken
 * {@code type} replaced with {@code string}) and the reactor runs again, until it succeeds, nothing new is
 * reported, or {@link #MAX_ROUNDS} runs were made. Statements our own checks already found broken come patched
 * from the start, so yangtools does not stop on what we know and reports what it alone sees. An error on a
 * module statement itself (nothing to patch) takes that source out, with every unit that needs it. An error
 * without any position (yangtools has some) is narrowed down by splitting the batch, and in the end reported on
 * the module name of the one unit that still shows it.
 */
final class YangtoolsRunner {
    static final int MAX_ROUNDS = 8;
    private static final Set<String> LINKAGE = Set.of("import", "include", "belongs-to", "revision-date");

    /** One unit: its module, the unit's own sources (module and submodules) and everything it needs. */
    record Unit(IndexedSource main, List<IndexedSource> own, List<IndexedSource> closure) {
    }

    /** An error yangtools reported: the source, the statement (null: the module as a whole), code and message. */
    record Finding(IndexedSource source, Statement statement, String code, String message) {
    }

    /** Findings per unit main source; {@code skipped} units could not be analysed (a dependency failed at its root). */
    record Result(Map<IndexedSource, List<Finding>> findings, Set<IndexedSource> skipped, int runs) {
    }

    private final YangParserFactory factory;
    private final YangParserConfiguration configuration;
    private final Map<IndexedSource, SyntaxTree> trees;
    private final IrCache irs;
    private int runs;

    YangtoolsRunner(YangParserFactory factory, YangParserConfiguration configuration,
            Map<IndexedSource, SyntaxTree> trees, IrCache irs) {
        this.factory = factory;
        this.configuration = configuration;
        this.trees = trees;
        this.irs = irs;
    }

    Result run(List<Unit> units, Map<IndexedSource, Set<StatementPatch>> initialPatches) {
        Map<IndexedSource, List<Finding>> findings = new LinkedHashMap<>();
        Set<IndexedSource> skipped = Collections.newSetFromMap(new IdentityHashMap<>());
        runBatch(units, initialPatches, findings, skipped);
        return new Result(findings, skipped, runs);
    }

    private void runBatch(List<Unit> units, Map<IndexedSource, Set<StatementPatch>> initialPatches,
            Map<IndexedSource, List<Finding>> findings, Set<IndexedSource> skipped) {
        Map<IndexedSource, IndexedSource> unitOfSource = new IdentityHashMap<>();
        for (Unit u : units) {
            for (IndexedSource s : u.own()) {
                unitOfSource.put(s, u.main());
            }
            findings.putIfAbsent(u.main(), new ArrayList<>());
        }
        Map<IndexedSource, Map<Statement, StatementPatch.Action>> patches = new IdentityHashMap<>();
        initialPatches.forEach((s, set) -> {
            Map<Statement, StatementPatch.Action> m = new IdentityHashMap<>();
            for (StatementPatch p : set) {
                m.put(p.statement(), p.action());
            }
            patches.put(s, m);
        });
        List<Unit> active = new ArrayList<>(units);
        Set<IndexedSource> excluded = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> seen = new HashSet<>();
        for (int round = 0; round < MAX_ROUNDS && !active.isEmpty(); round++) {
            if (Thread.currentThread().isInterrupted()) {
                // the server is closing: a reactor run cannot be stopped, but the next one need not start
                throw new java.util.concurrent.CancellationException("yangtools run cancelled");
            }
            Set<IndexedSource> seenSources = dev.homeport.yang.model.ModelWorld.identitySet();
            List<IndexedSource> sources = new ArrayList<>();
            for (Unit u : active) {
                for (IndexedSource s : u.closure()) {
                    if (seenSources.add(s)) {
                        sources.add(s);
                    }
                }
            }
            Map<String, IndexedSource> byName = new HashMap<>();
            Map<IndexedSource, IrBuilder.Built> built = new IdentityHashMap<>();
            YangParser parser = factory.createParser(configuration);
            List<Finding> broken = new ArrayList<>();
            for (IndexedSource s : sources) {
                SyntaxTree tree = trees.get(s);
                IrBuilder.Built b = tree == null ? null : irs.get(s, tree, patches.getOrDefault(s, Map.of()));
                if (b == null) {
                    broken.add(new Finding(s, null, "semantic-error", "the source has no module statement"));
                    continue;
                }
                built.put(s, b);
                byName.put(b.source().symbolicName(), s);
                try {
                    parser.addSource(b.source());
                } catch (Exception | LinkageError e) {
                    broken.add(new Finding(s, null, YangtoolsErrors.code(e.getMessage()), YangtoolsErrors.clean(e.getMessage())));
                }
            }
            List<Located> located = new ArrayList<>();
            List<String> unlocated = new ArrayList<>();
            if (broken.isEmpty()) {
                runs++;
                try {
                    parser.buildEffectiveModel();
                    return; // the rest of the batch is clean
                } catch (YangParserException | RuntimeException e) {
                    collect(e, located, unlocated, Collections.newSetFromMap(new IdentityHashMap<>()));
                } catch (StackOverflowError e) {
                    // nesting deeper than even a large stack holds: say so on each unit, compile nothing more
                    for (Unit u : active) {
                        findings.get(u.main()).add(new Finding(u.main(), null, SemanticCodes.SEMANTIC_ERROR,
                                "statements are nested too deeply for yangtools to compile; its checks were skipped"));
                    }
                    return;
                }
            }
            boolean progress = false;
            for (Finding f : broken) {
                progress |= excluded.add(f.source());
                record(findings, unitOfSource, seen, f);
            }
            for (Located l : located) {
                IndexedSource s = byName.get(l.file);
                if (s == null) {
                    unlocated.add(l.message);
                    continue;
                }
                Statement st = built.get(s).statementAt(l.line, l.column);
                record(findings, unitOfSource, seen, new Finding(s, st, YangtoolsErrors.code(l.message),
                        YangtoolsErrors.clean(l.message)));
                if (st == null || st.parent() == null || LINKAGE.contains(st.keyword())) {
                    // nothing to patch, or a patch would only cause more errors (an import left out makes its
                    // prefix unknown everywhere): this source has said what it can
                    progress |= excluded.add(s);
                } else {
                    Map<Statement, StatementPatch.Action> m = patches.computeIfAbsent(s, k -> new IdentityHashMap<>());
                    // inside a type (a path, a base, a restriction), the type becomes a string: a leafref without
                    // its path would be an error of its own
                    boolean inType = st.is("type") || st.parent().is("type");
                    StatementPatch p = inType ? StatementPatch.replaceType(st) : StatementPatch.remove(st);
                    if (!m.containsKey(p.statement())) {
                        m.put(p.statement(), p.action());
                        progress = true;
                    }
                }
            }
            if (!excluded.isEmpty()) {
                List<Unit> still = new ArrayList<>();
                for (Unit u : active) {
                    if (!needsAny(u, excluded)) {
                        still.add(u);
                    } else if (!excludedOnlyOwn(u, excluded)) {
                        skipped.add(u.main());
                    }
                }
                active = still;
            }
            if (!progress) {
                if (!unlocated.isEmpty() && !active.isEmpty()) {
                    narrowDown(active, patches, unlocated, findings, skipped);
                }
                return;
            }
        }
    }

    /** A unit that failed at its own module statement is not "skipped": its error is its result. */
    private static boolean excludedOnlyOwn(Unit u, Set<IndexedSource> excluded) {
        for (IndexedSource s : u.closure()) {
            if (excluded.contains(s) && !u.own().contains(s)) {
                return false;
            }
        }
        return true;
    }

    private void narrowDown(List<Unit> active, Map<IndexedSource, Map<Statement, StatementPatch.Action>> patches,
            List<String> unlocated, Map<IndexedSource, List<Finding>> findings, Set<IndexedSource> skipped) {
        Map<IndexedSource, Set<StatementPatch>> current = new IdentityHashMap<>();
        patches.forEach((s, m) -> {
            Set<StatementPatch> set = new LinkedHashSet<>();
            m.forEach((st, a) -> set.add(new StatementPatch(st, a)));
            current.put(s, set);
        });
        if (active.size() == 1) {
            Unit u = active.get(0);
            Set<String> messages = new LinkedHashSet<>(unlocated);
            for (String m : messages) {
                findings.get(u.main()).add(new Finding(u.main(), null, YangtoolsErrors.code(m),
                        YangtoolsErrors.clean(m) + " (yangtools gives no position for this error)"));
            }
            return;
        }
        int half = active.size() / 2;
        runBatch(active.subList(0, half), current, findings, skipped);
        runBatch(active.subList(half, active.size()), current, findings, skipped);
    }

    private static void record(Map<IndexedSource, List<Finding>> findings, Map<IndexedSource, IndexedSource> unitOfSource,
            Set<String> seen, Finding f) {
        IndexedSource unit = unitOfSource.get(f.source());
        if (unit == null) {
            return; // an error in a dependency: its own unit reports it
        }
        String key = System.identityHashCode(f.source()) + " " + System.identityHashCode(f.statement()) + " " + f.message();
        if (seen.add(key)) {
            findings.get(unit).add(f);
        }
    }

    private record Located(String file, int line, int column, String message) {
    }

    /** Exceptions with a position, and the messages of those without one (and without more specific causes). */
    private static void collect(Throwable t, List<Located> located, List<String> unlocated, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        Located where = locate(t);
        if (where != null) {
            located.add(where);
            for (Throwable s : t.getSuppressed()) {
                collect(s, located, unlocated, seen);
            }
            return;
        }
        boolean leaf = t.getCause() == null && t.getSuppressed().length == 0;
        if (leaf) {
            unlocated.add(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        collect(t.getCause(), located, unlocated, seen);
        for (Throwable s : t.getSuppressed()) {
            collect(s, located, unlocated, seen);
        }
    }

    private static Located locate(Throwable t) {
        if (!(t instanceof StatementSourceReferenceAware aware)) {
            return null;
        }
        StatementSourceReference ref = aware.sourceRef();
        DeclarationReference decl = ref == null ? null : ref.declarationReference();
        if (!(decl instanceof DeclarationInText text)) {
            return null;
        }
        String human = decl.toHumanReadable();
        String suffix = ":" + text.startLine() + ":" + text.startColumn();
        String file = human.endsWith(suffix) ? human.substring(0, human.length() - suffix.length()) : human;
        return new Located(file, text.startLine(), text.startColumn(), t.getMessage());
    }

    private static boolean needsAny(Unit u, Set<IndexedSource> sources) {
        for (IndexedSource s : u.closure()) {
            if (sources.contains(s)) {
                return true;
            }
        }
        return false;
    }
}
