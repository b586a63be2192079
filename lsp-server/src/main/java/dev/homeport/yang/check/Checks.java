package dev.homeport.yang.check;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.ModuleKind;
import dev.homeport.yang.model.ModelWorld;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every check, and running them on one unit (a module with its submodules). */
public final class Checks {
    /** Code of the diagnostic that says a check failed with an exception (a bug of ours, never of the module). */
    public static final String INTERNAL_ERROR = "internal-error";

    private Checks() {
    }

    /** One instance of every check, in the order they run. */
    public static List<Check> all() {
        return List.of(new UnknownPrefixCheck(), new UnknownTypeCheck(), new UnknownGroupingCheck(),
                new UnknownIdentityCheck(), new UnknownFeatureCheck(), new UnknownExtensionCheck(),
                new UnusedImportCheck(), new UnusedGroupingCheck(), new NamingConventionCheck(),
                new PrefixConventionCheck(), new NamespaceConventionCheck(), new RevisionOrderCheck(), new DateCheck(),
                new XPathSyntaxCheck(), new RangeCheck(), new LengthCheck(), new PatternCheck(), new DefaultValueCheck(),
                new IdentityCycleCheck(), new ImportCycleCheck(), new YangVersionCheck(), new AugmentTargetCheck(),
                new DeviationTargetCheck(), new RefineTargetCheck(), new LeafrefTargetCheck(), new ListKeyCheck());
    }

    /** The diagnostics of each source of a unit, and the statements to keep from yangtools. */
    public record UnitResult(IndexedSource main, Map<URI, List<Diagnostic>> diagnostics, List<StatementPatch> patches) {
    }

    /** The unit a source is checked in: its module, or itself when it is a submodule of no module we have. */
    public static IndexedSource unitOf(ModelWorld world, IndexedSource source) {
        if (source.kind() != ModuleKind.SUBMODULE) {
            return source;
        }
        ModuleContext c = world.context(source);
        if (c != null && c.mainModule() != null && world.sourcesOfModule(c.mainModule()).contains(source)) {
            return c.mainModule();
        }
        return source;
    }

    /** Runs every check on the unit whose main source is {@code main}. */
    public static UnitResult run(ModelWorld world, IndexedSource main, List<Check> checks) {
        ModuleContext mainContext = world.context(main);
        if (mainContext == null) {
            return new UnitResult(main, Map.of(), List.of());
        }
        List<ModuleContext> sources = new ArrayList<>();
        for (IndexedSource s : world.sourcesOfModule(main)) {
            ModuleContext c = world.context(s);
            // a submodule of another module that this one includes by mistake is checked with its own module
            if (c != null && (s == main || unitOf(world, s) == main)) {
                sources.add(c);
            }
        }
        CheckContext context = new CheckContext(world, mainContext, sources, world.closure(main));
        for (Check check : checks) {
            try {
                check.run(context);
            } catch (RuntimeException | StackOverflowError e) {
                context.diagnostics().get(main.uri()).add(new Diagnostic(CheckContext.argumentSpan(mainContext.root()),
                        Severity.WARNING, INTERNAL_ERROR, "the " + check.getClass().getSimpleName()
                                + " failed on this module and was skipped: " + e));
            }
        }
        return new UnitResult(main, context.diagnostics(), List.copyOf(context.patches()));
    }
}
