package dev.homeport.netconf.schema;

import com.google.common.collect.ImmutableSetMultimap;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.Submodule;
import org.opendaylight.yangtools.yang.model.api.meta.DeclarationInText;
import org.opendaylight.yangtools.yang.model.api.meta.StatementSourceReference;
import org.opendaylight.yangtools.yang.model.api.meta.StatementSourceReferenceAware;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.api.stmt.FeatureSet;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;
import org.opendaylight.yangtools.yang.parser.api.YangSyntaxErrorException;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;
import org.opendaylight.yangtools.yang.parser.spi.meta.ReactorException;
import org.opendaylight.yangtools.yang.xpath.impl.AntlrXPathParserFactory;

/**
 * Builds a yangtools {@link EffectiveModelContext} from module texts, the way the device runs them:
 * <ul>
 * <li>only the features the device announces are enabled (one feature set per module; modules the device does not
 *     list, fetched only because something imports them, get none);</li>
 * <li>only the deviations the device announces are applied, from the deviation modules it names;</li>
 * <li>import-only modules, and modules fetched only because something imports them, are libraries: they join the
 *     schema only when another module imports them, and with no features (yangtools then keeps their data
 *     definitions too: it has no notion of an import-only module beyond that).</li>
 * </ul>
 * When the device's listing says nothing about features (only netconf-state answered, or no device at all), every
 * feature and deviation is enabled and every module implemented.
 *
 * <p>A module that cannot be built never fails the whole schema: modules whose imports or includes are missing are
 * left out before yangtools runs; when yangtools refuses a module, that module and everything that depends on it
 * are left out and yangtools runs again. If yangtools' error names no module, the culprit is found by bisecting the
 * modules in dependency order. The report lists what is in the schema, what was left out, and why.
 */
public final class SchemaBuilder {
    /**
     * Deprecated in yangtools 14 in favour of its Dagger component, whose runtime (dagger) is not among its
     * dependencies here; the factory is what works with the jars we ship. The XPath parser is given, not looked up:
     * yangtools' own lookup is a ServiceLoader on the thread's context class loader, which under OSGi (the Eclipse
     * browser) cannot see the implementation bundle.
     */
    @SuppressWarnings("removal")
    private static final YangParserFactory FACTORY = new DefaultYangParserFactory(new AntlrXPathParserFactory());
    private static final Pattern SOURCE_ID = Pattern.compile("SourceIdentifier \\[([^\\]]+)\\]");
    private static final int MAX_ERRORS_SHOWN = 3;

    /** One module with its submodules: what yangtools gets or does not get, as a whole. */
    private static final class Unit {
        final ModuleSource module;
        final List<ModuleSource> submodules = new ArrayList<>();
        final Set<ModuleRef> imports = new LinkedHashSet<>();
        final List<String> brokenIncludes = new ArrayList<>();
        final boolean implemented;

        Unit(ModuleSource module, boolean implemented) {
            this.module = module;
            this.implemented = implemented;
        }

        ModuleRef ref() {
            return module.ref();
        }

        List<ModuleSource> sources() {
            List<ModuleSource> all = new ArrayList<>(submodules.size() + 1);
            all.add(module);
            all.addAll(submodules);
            return all;
        }

        boolean owns(ModuleRef r) {
            return sources().stream().anyMatch(s -> s.ref().equals(r));
        }
    }

    private static final class BuildFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Map<ModuleRef, String> culprits;

        BuildFailure(Throwable cause) {
            super(summary(cause), cause);
            this.culprits = culpritsOf(cause);
        }
    }

    /** One yangtools run; replaceable in tests, to produce failures that name no module. */
    interface Yangtools {
        /** Features and deviations null: all of them. */
        EffectiveModelContext build(List<ModuleSource> implemented, List<ModuleSource> libraries, FeatureSet features,
                                    ImmutableSetMultimap<QNameModule, QNameModule> deviations)
                throws YangParserException, IOException;
    }

    static final Yangtools YANGTOOLS = (implemented, libraries, features, deviations) -> {
        YangParser parser = FACTORY.createParser(YangParserConfiguration.DEFAULT);
        for (ModuleSource s : implemented) {
            parser.addSource(s.irSource());
        }
        for (ModuleSource s : libraries) {
            parser.addLibSource(s.irSource());
        }
        if (features != null) {
            parser.setSupportedFeatures(features);
        }
        if (deviations != null) {
            parser.setModulesWithSupportedDeviations(deviations);
        }
        return parser.buildEffectiveModel();
    };

    private final Yangtools yangtools;

    public SchemaBuilder() {
        this(YANGTOOLS);
    }

    SchemaBuilder(Yangtools yangtools) {
        this.yangtools = yangtools;
    }

    /**
     * Builds with the device's features and deviations.
     *
     * @param device      the device's modules; null for "no device": all features, deviations, implemented
     * @param unavailable modules that could not be obtained and why (from {@link DownloadReport#unavailable()})
     */
    public SchemaBuildReport build(Collection<ModuleSource> sources, DeviceModules device,
                                   Map<ModuleRef, String> unavailable, SchemaProgressListener listener,
                                   Cancellation cancel) {
        return new Run(yangtools, sources, device, unavailable, SchemaProgressListener.guarded(listener), cancel).run();
    }

    /** Builds texts as they are: every feature and deviation, every module implemented. */
    public SchemaBuildReport build(Collection<ModuleSource> sources) {
        return build(sources, null, Map.of(), SchemaProgressListener.NONE, Cancellation.none());
    }

    private static final class Run {
        private final Yangtools yangtools;
        private final DeviceModules device;
        private final boolean honourDevice;
        private final Map<ModuleRef, String> unavailable;
        private final SchemaProgressListener progress;
        private final Cancellation cancel;
        private final List<Unit> active = new ArrayList<>();
        private final Map<ModuleRef, DroppedModule> dropped = new LinkedHashMap<>();
        private final List<SchemaWarning> extraWarnings = new ArrayList<>();
        private int attempts;

        Run(Yangtools yangtools, Collection<ModuleSource> sources, DeviceModules device,
            Map<ModuleRef, String> unavailable, SchemaProgressListener progress, Cancellation cancel) {
            this.yangtools = yangtools;
            this.device = device;
            this.honourDevice = device != null && device.describesImplementation();
            this.unavailable = unavailable;
            this.progress = progress;
            this.cancel = cancel;
            makeUnits(sources);
        }

        SchemaBuildReport run() {
            long start = System.nanoTime();
            EffectiveModelContext context = null;
            int limit = 2 * active.size() + 10;
            while (context == null) {
                dropUnresolved();
                cancel.check("schema build");
                attempts++;
                progress.progress(SchemaProgress.of(attempts == 1 ? SchemaProgress.Stage.BUILDING
                        : SchemaProgress.Stage.BUILD_RETRY, attempts, active.size(), null,
                        "building the schema from " + active.size() + " modules"));
                try {
                    context = parse(active);
                } catch (BuildFailure f) {
                    Map<Unit, String> culprits = unitsOf(f.culprits);
                    if (culprits.isEmpty()) {
                        culprits = bisect(f);
                    }
                    if (culprits.isEmpty() || attempts > limit) {
                        extraWarnings.add(SchemaWarning.of(SchemaWarning.Kind.INVALID_MODULE, null,
                                "yangtools refused the modules and no single module could be blamed: "
                                        + f.getMessage()));
                        for (Unit u : List.copyOf(active)) {
                            drop(u, DroppedModule.Reason.INVALID, "left out: the schema could not be built",
                                    u.ref());
                        }
                        context = emptyContext();
                        break;
                    }
                    culprits.forEach((u, msg) -> drop(u, DroppedModule.Reason.INVALID, msg, u.ref()));
                }
            }
            warnDeviationsNotApplied();
            return new SchemaBuildReport(context, included(context), List.copyOf(dropped.values()), warnings(),
                    attempts, Duration.ofNanos(System.nanoTime() - start));
        }

        // ------------------------------------------------------------ units and dependencies

        private void makeUnits(Collection<ModuleSource> sources) {
            Map<ModuleRef, ModuleSource> byRef = new LinkedHashMap<>();
            for (ModuleSource s : sources) {
                byRef.putIfAbsent(s.ref(), s);
            }
            Map<String, List<ModuleSource>> submodules = new LinkedHashMap<>();
            for (ModuleSource s : byRef.values()) {
                if (s.isSubmodule()) {
                    submodules.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s);
                }
            }
            for (ModuleSource m : byRef.values()) {
                if (m.isSubmodule()) {
                    continue;
                }
                Unit u = new Unit(m, implemented(m.ref()));
                Deque<ModuleRef> todo = new ArrayDeque<>(m.includes());
                Set<String> seen = new LinkedHashSet<>();
                while (!todo.isEmpty()) {
                    ModuleRef inc = todo.poll();
                    if (!seen.add(inc.name())) {
                        continue;
                    }
                    Optional<ModuleSource> sub = submodules.getOrDefault(inc.name(), List.of()).stream()
                            .filter(s -> inc.matches(s.ref())).max(Comparator.comparing(ModuleSource::ref));
                    if (sub.isEmpty()) {
                        u.brokenIncludes.add("includes submodule " + inc.id() + ", which is not available"
                                + reasonFor(inc).map(r -> ": " + r).orElse(""));
                    } else if (!sub.get().belongsTo().orElse("").equals(m.name())) {
                        u.brokenIncludes.add("includes submodule " + sub.get().ref().id() + ", which belongs to "
                                + sub.get().belongsTo().orElse("?") + ", not to " + m.name());
                    } else {
                        u.submodules.add(sub.get());
                        todo.addAll(sub.get().includes());
                    }
                }
                for (ModuleSource s : u.sources()) {
                    for (ModuleRef i : s.imports()) {
                        if (!i.name().equals(m.name())) {
                            u.imports.add(i);
                        }
                    }
                }
                active.add(u);
            }
            if (device != null) {
                // listed by the device, but no text was obtained
                for (DeviceModule dm : device.modules()) {
                    boolean present = byRef.values().stream().anyMatch(s -> dm.ref().matches(s.ref()));
                    if (!present) {
                        String why = reasonFor(dm.ref()).orElse("its text was not obtained");
                        dropped.putIfAbsent(dm.ref(), new DroppedModule(dm.ref(), DroppedModule.Reason.UNAVAILABLE,
                                why, dm.ref()));
                    }
                }
            }
        }

        private boolean implemented(ModuleRef ref) {
            if (device == null || device.isEmpty()) {
                return true;
            }
            // a deviation module must be implemented for its deviations to apply, listed or not
            return device.module(ref).map(DeviceModule::implemented).orElse(false)
                    || device.modules().stream().anyMatch(m -> m.deviations().contains(ref.name()));
        }

        private Optional<String> reasonFor(ModuleRef dep) {
            return unavailable.entrySet().stream().filter(e -> e.getKey().name().equals(dep.name()))
                    .map(Map.Entry::getValue).findFirst();
        }

        /** Leaves out, until nothing changes, every unit whose imports or includes are not all there. */
        private void dropUnresolved() {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Unit u : List.copyOf(active)) {
                    if (!u.brokenIncludes.isEmpty()) {
                        drop(u, DroppedModule.Reason.MISSING_DEPENDENCY, String.join("; ", u.brokenIncludes),
                                u.ref());
                        changed = true;
                        continue;
                    }
                    for (ModuleRef dep : u.imports) {
                        if (active.stream().anyMatch(a -> dep.matches(a.ref()))) {
                            continue;
                        }
                        Optional<DroppedModule> gone = dropped.values().stream()
                                .filter(d -> dep.matches(d.module())).findFirst();
                        if (gone.isPresent()) {
                            drop(u, DroppedModule.Reason.DEPENDS_ON_DROPPED, "imports " + dep.id() + ", which is "
                                    + "left out", gone.get().rootCause());
                        } else {
                            drop(u, DroppedModule.Reason.MISSING_DEPENDENCY, "imports " + dep.id()
                                    + ", which is not available: " + reasonFor(dep).orElse(
                                    "the device does not list it and the module cache does not have it"), u.ref());
                        }
                        changed = true;
                        break;
                    }
                }
            }
        }

        private void drop(Unit u, DroppedModule.Reason reason, String detail, ModuleRef root) {
            active.remove(u);
            dropped.put(u.ref(), new DroppedModule(u.ref(), reason, detail, root));
        }

        // ------------------------------------------------------------ yangtools

        private EffectiveModelContext parse(List<Unit> units) throws BuildFailure {
            List<ModuleSource> implemented = new ArrayList<>();
            List<ModuleSource> libraries = new ArrayList<>();
            for (Unit u : units) {
                (u.implemented ? implemented : libraries).addAll(u.sources());
            }
            try {
                return yangtools.build(implemented, libraries, honourDevice ? features(units) : null,
                        honourDevice ? deviations(units) : null);
            } catch (YangParserException | IOException | RuntimeException e) {
                throw new BuildFailure(e);
            }
        }

        private static EffectiveModelContext emptyContext() {
            try {
                return YANGTOOLS.build(List.of(), List.of(), null, null);
            } catch (YangParserException | IOException e) {
                throw new IllegalStateException("yangtools cannot build an empty schema", e);
            }
        }

        private FeatureSet features(List<Unit> units) {
            FeatureSet.Builder b = FeatureSet.builder();
            for (Unit u : units) {
                Set<String> on = device.module(u.ref()).filter(dm -> u.implemented).map(DeviceModule::features)
                        .orElse(Set.of());
                qnameModule(u.module).ifPresent(q -> b.addModuleFeatures(q, on));
            }
            return b.build();
        }

        private ImmutableSetMultimap<QNameModule, QNameModule> deviations(List<Unit> units) {
            ImmutableSetMultimap.Builder<QNameModule, QNameModule> b = ImmutableSetMultimap.builder();
            for (Unit target : units) {
                Optional<DeviceModule> dm = device.module(target.ref());
                if (dm.isEmpty()) {
                    continue;
                }
                for (String devName : dm.get().deviations()) {
                    units.stream().filter(u -> u.ref().name().equals(devName)).max(Comparator.comparing(Unit::ref))
                            .flatMap(u -> qnameModule(u.module))
                            .ifPresent(dq -> qnameModule(target.module).ifPresent(tq -> b.put(tq, dq)));
                }
            }
            return b.build();
        }

        private static Optional<QNameModule> qnameModule(ModuleSource m) {
            try {
                XMLNamespace ns = XMLNamespace.of(m.namespace().orElseThrow());
                return Optional.of(m.revision().map(r -> QNameModule.of(ns, Revision.of(r)))
                        .orElseGet(() -> QNameModule.of(ns)));
            } catch (RuntimeException e) {
                return Optional.empty(); // yangtools reports the bad namespace itself
            }
        }

        // ------------------------------------------------------------ blame

        private Map<Unit, String> unitsOf(Map<ModuleRef, String> culprits) {
            Map<Unit, String> out = new LinkedHashMap<>();
            culprits.forEach((ref, msg) -> {
                Optional<Unit> u = active.stream().filter(a -> a.owns(ref)).findFirst()
                        .or(() -> active.stream().filter(a -> a.sources().stream()
                                .anyMatch(s -> s.name().equals(ref.name()))).findFirst());
                u.ifPresent(unit -> out.putIfAbsent(unit, unit.ref().equals(ref) ? msg : "submodule " + ref.id()
                        + ": " + msg));
            });
            return out;
        }

        /**
         * yangtools failed without naming a source: find the shortest failing prefix of the units in dependency
         * order (every prefix is closed under imports); its last unit is to blame.
         */
        private Map<Unit, String> bisect(BuildFailure whole) {
            List<Unit> order = dependencyOrder(active);
            int lo = 1;
            int hi = order.size();
            String message = whole.getMessage();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                cancel.check("schema build");
                attempts++;
                try {
                    parse(order.subList(0, mid));
                    lo = mid + 1;
                } catch (BuildFailure f) {
                    hi = mid;
                    message = f.getMessage();
                }
            }
            return order.isEmpty() ? Map.of() : Map.of(order.get(lo - 1), message);
        }

        private List<Unit> dependencyOrder(List<Unit> units) {
            List<Unit> out = new ArrayList<>();
            Set<Unit> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Unit u : units) {
                visit(u, units, seen, out);
            }
            return out;
        }

        private void visit(Unit u, List<Unit> units, Set<Unit> seen, List<Unit> out) {
            if (!seen.add(u)) {
                return; // done, or an import cycle (YANG forbids those; yangtools will say so)
            }
            for (ModuleRef dep : u.imports) {
                units.stream().filter(a -> dep.matches(a.ref())).max(Comparator.comparing(Unit::ref))
                        .ifPresent(d -> visit(d, units, seen, out));
            }
            out.add(u);
        }

        // ------------------------------------------------------------ report

        private void warnDeviationsNotApplied() {
            if (!honourDevice) {
                return;
            }
            for (DeviceModule dm : device.modules()) {
                boolean targetIn = active.stream().anyMatch(u -> dm.ref().matches(u.ref()));
                for (String d : dm.deviations()) {
                    if (targetIn && active.stream().noneMatch(u -> u.ref().name().equals(d))) {
                        String why = dropped.values().stream().filter(x -> x.module().name().equals(d))
                                .map(DroppedModule::detail).findFirst()
                                .or(() -> reasonFor(ModuleRef.of(d))).orElse("its text was not obtained");
                        extraWarnings.add(SchemaWarning.of(SchemaWarning.Kind.DEVIATION_NOT_APPLIED, dm.ref(),
                                "the device's deviations of " + dm.name() + " in " + d + " are not applied: " + d
                                        + " is not in the schema (" + why + ")"));
                    }
                }
            }
        }

        private List<SchemaWarning> warnings() {
            List<SchemaWarning> out = new ArrayList<>();
            for (DroppedModule root : dropped.values()) {
                if (!root.rootCause().equals(root.module())) {
                    continue;
                }
                List<ModuleRef> victims = new ArrayList<>();
                victims.add(root.module());
                dropped.values().stream().filter(d -> d.rootCause().equals(root.module()) && d != root)
                        .map(DroppedModule::module).forEach(victims::add);
                SchemaWarning.Kind kind = switch (root.reason()) {
                    case UNAVAILABLE -> SchemaWarning.Kind.DOWNLOAD;
                    case MISSING_DEPENDENCY, DEPENDS_ON_DROPPED -> SchemaWarning.Kind.MISSING_DEPENDENCY;
                    case INVALID -> SchemaWarning.Kind.INVALID_MODULE;
                };
                out.add(new SchemaWarning(kind, Optional.of(root.module()), root.detail(), victims));
            }
            out.addAll(extraWarnings);
            return out;
        }

        private static List<ModuleRef> included(EffectiveModelContext context) {
            List<ModuleRef> out = new ArrayList<>();
            for (Module m : context.getModules()) {
                out.add(ModuleRef.of(m.getName(), m.getRevision().map(Revision::toString).orElse(null)));
                for (Submodule s : m.getSubmodules()) {
                    out.add(ModuleRef.of(s.getName(), s.getRevision().map(Revision::toString).orElse(null)));
                }
            }
            out.sort(Comparator.naturalOrder());
            return out;
        }
    }

    // ---------------------------------------------------------------- reading yangtools' errors

    /** Every module yangtools names in the failure, with the most precise message about it. */
    static Map<ModuleRef, String> culpritsOf(Throwable t) {
        Map<ModuleRef, String> out = new LinkedHashMap<>();
        collect(t, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private static void collect(Throwable t, Map<ModuleRef, String> out, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        if (t instanceof ReactorException r && r.getSourceIdentifier() != null) {
            out.putIfAbsent(ref(r.getSourceIdentifier()), describe(r));
        } else if (t instanceof YangSyntaxErrorException y && y.getSource().isPresent()) {
            out.putIfAbsent(ref(y.getSource().get()), "line " + y.getLine() + ":" + (y.getCharPositionInLine() + 1)
                    + ": " + y.getMessage());
        } else if (t instanceof StatementSourceReferenceAware a && a.sourceRef() != null) {
            Matcher m = SOURCE_ID.matcher(String.valueOf(a.sourceRef()));
            if (m.find()) {
                try {
                    out.putIfAbsent(ModuleRef.parse(m.group(1)), describe(t));
                } catch (IllegalArgumentException ignored) {
                    // not one of ours
                }
            }
        }
        collect(t.getCause(), out, seen);
        for (Throwable s : t.getSuppressed()) {
            collect(s, out, seen);
        }
    }

    private static ModuleRef ref(SourceIdentifier id) {
        return ModuleRef.of(id.name().getLocalName(), id.revision() == null ? null : id.revision().toString());
    }

    /**
     * The located errors under {@code t}, most specific first: "line 17:7: Type [...] was not found; line 15:3:
     * Augment target ... not found". yangtools hangs the real errors on a phase-level error as suppressed
     * exceptions and their consequences as causes, so suppressed ones are read first and the phase wrapper skipped.
     */
    static String describe(Throwable t) {
        List<String> found = new ArrayList<>();
        located(t, found, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (found.isEmpty()) {
            return stripLocation(String.valueOf(t.getMessage()));
        }
        return String.join("; ", found.subList(0, Math.min(found.size(), MAX_ERRORS_SHOWN)))
                + (found.size() > MAX_ERRORS_SHOWN ? "; and " + (found.size() - MAX_ERRORS_SHOWN) + " more" : "");
    }

    private static void located(Throwable t, List<String> found, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        for (Throwable s : t.getSuppressed()) {
            located(s, found, seen);
        }
        if (t instanceof StatementSourceReferenceAware a && a.sourceRef() != null) {
            String msg = stripLocation(String.valueOf(t.getMessage()));
            if (!msg.startsWith("Yang model processing phase")) {
                StatementSourceReference ref = a.sourceRef();
                String line = ref.declarationReference() instanceof DeclarationInText d
                        ? "line " + d.startLine() + ":" + d.startColumn() + ": " : "";
                if (!found.contains(line + msg)) {
                    found.add(line + msg);
                }
            }
        }
        located(t.getCause(), found, seen);
    }

    /** yangtools appends "[at SourceIdentifier [m@r]:5:28]"; the line goes in front instead. */
    private static String stripLocation(String msg) {
        int at = msg.lastIndexOf(" [at ");
        return at > 0 ? msg.substring(0, at).strip() : msg.strip();
    }

    private static String summary(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? describe(t) : stripLocation(String.valueOf(t.getMessage())) + ": " + describe(t);
    }
}
