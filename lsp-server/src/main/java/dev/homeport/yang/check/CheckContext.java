package dev.homeport.yang.check;

import dev.homeport.yang.feature.DiagnosticCodes;
import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.model.Definitions;
import dev.homeport.yang.model.ModelWorld;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.SchemaModel;
import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.model.TypeResolver;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Span;
import java.net.URI;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the checks of one unit share: the unit is a module with its submodules (or a submodule whose module is not
 * in the workspace); the world is everything the module imports. Diagnostics are kept per source of the unit;
 * statements outside the unit are other units' business and are not reported here.
 */
public final class CheckContext {
    private final ModelWorld world;
    private final TypeResolver types;
    private final ModuleContext main;
    private final List<ModuleContext> sources;
    private final ModelWorld.Closure closure;
    private final Map<SyntaxTree, URI> unitTrees = new IdentityHashMap<>();
    private final Map<URI, List<Diagnostic>> diagnostics = new LinkedHashMap<>();
    private final Set<String> reported = new LinkedHashSet<>();
    private final List<StatementPatch> patches = new ArrayList<>();
    private SchemaModel schema;
    private List<Statement> statements;
    private List<References.Reference> references;
    private List<SchemaNode> unitNodes;
    private final Map<Statement, SchemaNode> groupingInstances = new IdentityHashMap<>();

    public CheckContext(ModelWorld world, ModuleContext main, List<ModuleContext> sources, ModelWorld.Closure closure) {
        this.world = world;
        this.types = new TypeResolver(world);
        this.main = main;
        this.sources = List.copyOf(sources);
        this.closure = closure;
        for (ModuleContext s : sources) {
            unitTrees.put(s.tree(), s.source().uri());
            diagnostics.put(s.source().uri(), new ArrayList<>());
        }
    }

    public ModelWorld world() {
        return world;
    }

    public TypeResolver types() {
        return types;
    }

    /** The unit's module (or lone submodule). */
    public ModuleContext main() {
        return main;
    }

    /** The module and its submodules: the sources this unit checks. */
    public List<ModuleContext> sources() {
        return sources;
    }

    public ModelWorld.Closure closure() {
        return closure;
    }

    public boolean inUnit(Statement s) {
        return s != null && unitTrees.containsKey(s.tree());
    }

    public ModuleContext contextOf(Statement s) {
        return world.contextOf(s);
    }

    public Definitions.Found find(Statement site, String keyword, String reference) {
        ModuleContext c = contextOf(site);
        return Definitions.find(world, c, site, keyword, reference);
    }

    /** The schema trees of the unit's module and everything it imports (built lazily, once per unit). */
    public SchemaModel schema() {
        if (schema == null) {
            schema = new SchemaModel(world, closure.modules());
        }
        return schema;
    }

    /**
     * Every schema node the unit's module defines, with uses expanded and including what its augments add to other
     * modules: the nodes whose leafrefs and keys the unit answers for.
     */
    public List<SchemaNode> unitNodes() {
        if (unitNodes == null) {
            unitNodes = SchemaWalk.nodesOf(this);
        }
        return unitNodes;
    }

    /** The nodes of the grouping a {@code uses} names, as that uses instantiates them; null if it names none. */
    public SchemaNode groupingInstance(Statement uses) {
        if (groupingInstances.containsKey(uses)) {
            return groupingInstances.get(uses);
        }
        SchemaNode instance = null;
        if (uses.argument() != null) {
            Definitions.Found g = find(uses, "grouping", uses.argument());
            if (g.ok()) {
                instance = schema().instantiate(g.statement(), g.context(), main.moduleName(), uses);
            }
        }
        groupingInstances.put(uses, instance);
        return instance;
    }

    /** Reports at the statement's argument (its keyword when it has none). */
    public void report(Statement where, String code, String message) {
        report(where, argumentSpan(where), code, message);
    }

    public void report(Statement where, Span span, String code, String message) {
        URI uri = unitTrees.get(where.tree());
        if (uri == null) {
            return;
        }
        // one diagnostic per code and place: a grouping used in several places is reported once
        if (reported.add(uri + " " + span + " " + code)) {
            diagnostics.get(uri).add(new Diagnostic(span, DiagnosticCodes.defaultSeverity(code), code, message));
        }
    }

    /**
     * Reports a problem of a node that may come from a grouping in another file: at the node's own statement when
     * that is in the unit, else at the outermost {@code uses} in the unit that brought it in.
     */
    public void reportAtNode(SchemaNode node, Statement own, String code, String message) {
        if (inUnit(own)) {
            report(own, code, message);
            return;
        }
        for (Statement site : node.sites()) {
            if (inUnit(site)) {
                report(site, code, message + " (in grouping '" + site.argument() + "' used here)");
                return;
            }
        }
    }

    /** Keeps a statement of the unit from yangtools (see {@link StatementPatch}). */
    public void patch(StatementPatch patch) {
        if (inUnit(patch.statement())) {
            patches.add(patch);
        }
    }

    public static Span argumentSpan(Statement s) {
        Span a = s.argumentSpan();
        return a != null ? a : s.keywordSpan();
    }

    public Map<URI, List<Diagnostic>> diagnostics() {
        return diagnostics;
    }

    public List<StatementPatch> patches() {
        return patches;
    }

    /** All statements of every unit source, in document order. */
    public List<Statement> statements() {
        if (statements == null) {
            List<Statement> all = new ArrayList<>();
            for (ModuleContext s : sources) {
                all.addAll(s.tree().allStatements());
            }
            statements = List.copyOf(all);
        }
        return statements;
    }

    List<References.Reference> references() {
        if (references == null) {
            references = References.of(statements());
        }
        return references;
    }

    public static List<IndexedSource> sourcesOf(List<ModuleContext> contexts) {
        List<IndexedSource> list = new ArrayList<>();
        for (ModuleContext c : contexts) {
            list.add(c.source());
        }
        return list;
    }
}
