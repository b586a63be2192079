package dev.homeport.yang.model;

import dev.homeport.yang.syntax.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of the schema tree as it is after {@code uses} are expanded and augments applied, built lazily: a
 * node's children are computed the first time someone asks for them (see {@link SchemaModel}).
 */
public final class SchemaNode {
    public enum Kind {
        ROOT, CONTAINER, LIST, LEAF, LEAF_LIST, CHOICE, CASE, ANYDATA, ANYXML, RPC, ACTION, INPUT, OUTPUT,
        NOTIFICATION, GROUPING,
        /** An RFC 8791 {@code sx:structure}: the document element of its own tree, not part of any datastore. */
        STRUCTURE;

        /** The kind a schema-node keyword makes ({@code leaf-list}...), or null for other keywords. */
        public static Kind of(String keyword) {
            return switch (keyword) {
                case "container" -> CONTAINER;
                case "list" -> LIST;
                case "leaf" -> LEAF;
                case "leaf-list" -> LEAF_LIST;
                case "choice" -> CHOICE;
                case "case" -> CASE;
                case "anydata" -> ANYDATA;
                case "anyxml" -> ANYXML;
                case "rpc" -> RPC;
                case "action" -> ACTION;
                case "input" -> INPUT;
                case "output" -> OUTPUT;
                case "notification" -> NOTIFICATION;
                default -> null;
            };
        }

        /** Nodes that do not appear in data paths: choice and case, and input/output under their operation. */
        public boolean isTransparentInData() {
            return this == CHOICE || this == CASE || this == INPUT || this == OUTPUT;
        }
    }

    /** One statement whose sub-statements become children of a node (or, when {@code single}, which is one). */
    record Body(Statement statement, ModuleContext context, String namespace, List<Statement> sites, Statement augment,
            boolean single) {
    }

    final SchemaModel model;
    private final Kind kind;
    private final String module;
    private final String name;
    private final Statement statement;
    private final ModuleContext context;
    private final SchemaNode parent;
    private final List<Statement> sites;
    private final Statement augment;
    private final int depth;
    private Boolean configOverride;
    private List<Body> bodies = new ArrayList<>(2);
    private Map<String, SchemaNode> children;
    private boolean computing;

    SchemaNode(SchemaModel model, Kind kind, String module, String name, Statement statement, ModuleContext context,
            SchemaNode parent, List<Statement> sites, Statement augment) {
        this.model = model;
        this.kind = kind;
        this.module = module;
        this.name = name;
        this.statement = statement;
        this.context = context;
        this.parent = parent;
        this.sites = sites;
        this.augment = augment;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    public Kind kind() {
        return kind;
    }

    public SchemaModel model() {
        return model;
    }

    /** The module whose namespace the node is in. */
    public String module() {
        return module;
    }

    public String name() {
        return name;
    }

    /** The statement that defines it; null for implicit input/output and the root. */
    public Statement statement() {
        return statement;
    }

    /** The context of the source {@link #statement()} is in. */
    public ModuleContext context() {
        return context;
    }

    public SchemaNode parent() {
        return parent;
    }

    /** The {@code uses} statements through which this node was instantiated, outermost first. */
    public List<Statement> sites() {
        return sites;
    }

    /** The module-level augment that added this node to its parent, or null. */
    public Statement augment() {
        return augment;
    }

    /** 0 for the root; the number of schema node identifiers from the root otherwise. */
    public int depth() {
        return depth;
    }

    void addBody(Body body) {
        if (children == null) {
            bodies.add(body);
        } else {
            model.expandLate(this, body);
        }
    }

    void overrideConfig(boolean config) {
        this.configOverride = config;
    }

    Map<String, SchemaNode> childMap() {
        if (computing) {
            return Map.of(); // re-entered while computing: an augment path through this very node
        }
        if (children == null) {
            List<Runnable> after;
            computing = true;
            try {
                children = new LinkedHashMap<>();
                List<Body> pending = bodies;
                bodies = null;
                after = model.computeChildren(this, pending);
            } finally {
                computing = false;
            }
            // refine and augment inside uses address the children just made, so they run once those exist
            for (Runnable r : after) {
                r.run();
            }
        }
        return children;
    }

    /** A child already made, without computing the children (for use while they are being computed). */
    SchemaNode schemaChildInternal(String module, String name) {
        return children == null ? null : children.get(module + ":" + name);
    }

    void putChild(SchemaNode child) {
        children.putIfAbsent(child.module + ":" + child.name, child);
    }

    public Collection<SchemaNode> children() {
        return childMap().values();
    }

    /** The child with this module and name in the schema tree (choice and case count as nodes). */
    public SchemaNode schemaChild(String module, String name) {
        return childMap().get(module + ":" + name);
    }

    /** A child with this local name in any module (descendant paths in groupings, see {@link SchemaModel}). */
    public SchemaNode schemaChildByName(String name) {
        for (SchemaNode c : childMap().values()) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The data child with this module and name, looking through choices, cases, input and output. */
    public SchemaNode dataChild(String module, String name) {
        for (SchemaNode c : childMap().values()) {
            if (c.kind.isTransparentInData()) {
                SchemaNode inner = c.dataChild(module, name);
                if (inner != null) {
                    return inner;
                }
            } else if (c.name.equals(name) && (module == null || c.module.equals(module))) {
                return c;
            }
        }
        return null;
    }

    /** The parent in the data tree (skipping choice, case, input and output); null above the root. */
    public SchemaNode dataParent() {
        SchemaNode p = parent;
        while (p != null && p.kind.isTransparentInData()) {
            p = p.parent;
        }
        return p;
    }

    /**
     * Whether the node is configuration: operations, notifications and what is inside them are not; otherwise an
     * explicit or refined {@code config} counts, then the parent's.
     */
    public boolean config() {
        switch (kind) {
            case RPC, ACTION, INPUT, OUTPUT, NOTIFICATION -> {
                return false;
            }
            case ROOT, GROUPING -> {
                return true;
            }
            case STRUCTURE -> {
                return false; // a structure is no configuration (RFC 8791)
            }
            default -> {
                // fall through to the inherited value
            }
        }
        boolean inherited = parent == null || parent.config();
        if (!inherited) {
            return false;
        }
        if (configOverride != null) {
            return configOverride;
        }
        if (statement != null) {
            String own = statement.childArgument("config").map(String::trim).orElse(null);
            if ("false".equals(own)) {
                return false;
            }
        }
        return true;
    }

    /** The top of this node's tree: the model's root, a structure, or a detached grouping instance. */
    public SchemaNode top() {
        SchemaNode n = this;
        while (n.parent != null) {
            n = n.parent;
        }
        return n;
    }

    /** The path from the root for messages, e.g. {@code /if:interfaces/interface}. */
    public String path() {
        if (parent == null) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        List<SchemaNode> chain = new ArrayList<>();
        for (SchemaNode n = this; n.parent != null; n = n.parent) {
            chain.add(n);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            sb.append('/').append(chain.get(i).name);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return kind + " " + module + ":" + name;
    }
}
