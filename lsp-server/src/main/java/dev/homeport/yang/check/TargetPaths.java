package dev.homeport.yang.check;

import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.QualifiedName;
import dev.homeport.yang.model.SchemaModel;
import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.model.SchemaNodeId;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.syntax.Statement;
import java.util.EnumSet;
import java.util.Set;

/** Resolution and reporting shared by the augment, deviation and refine target checks. */
final class TargetPaths {
    private TargetPaths() {
    }

    /** Nodes an augment may add to (RFC 7950 section 7.17; YANG 1.1 adds actions and notifications). */
    static final Set<SchemaNode.Kind> AUGMENTABLE = EnumSet.of(SchemaNode.Kind.CONTAINER, SchemaNode.Kind.LIST,
            SchemaNode.Kind.CHOICE, SchemaNode.Kind.CASE, SchemaNode.Kind.INPUT, SchemaNode.Kind.OUTPUT,
            SchemaNode.Kind.NOTIFICATION, SchemaNode.Kind.ACTION, SchemaNode.Kind.RPC);

    /**
     * Resolves {@code s}'s argument as a schema node identifier (absolute from the root, or descendant from
     * {@code from}) and reports what does not resolve with {@code code}. Returns the target or null.
     */
    static SchemaNode resolve(CheckContext context, Statement s, SchemaNode from, boolean absolute, String code) {
        ModuleContext c = context.contextOf(s);
        SchemaNodeId path = SchemaNodeId.parse(s.argument());
        if (c == null || s.argument() == null) {
            return null;
        }
        if (path == null || path.absolute() != absolute) {
            context.report(s, code, "'" + s.argument().trim() + "' is not " + (absolute ? "an absolute" : "a descendant")
                    + " schema node identifier");
            context.patch(StatementPatch.remove(s));
            return null;
        }
        for (QualifiedName q : path.segments()) {
            ModuleContext.ModuleRef ref = c.resolvePrefix(q.prefix());
            if (ref == null) {
                context.report(s, CheckCodes.UNKNOWN_PREFIX, "prefix '" + q.prefix() + "' in the " + s.keyword()
                        + " path is not declared");
                context.patch(StatementPatch.remove(s));
                return null;
            }
            if (!ref.resolved()) {
                return null; // an unresolved import: reported by the index
            }
        }
        SchemaModel schema = context.schema();
        SchemaModel.Resolution r = absolute ? schema.resolveAbsolute(path, c) : schema.resolveDescendant(from, path, c);
        if (r.ok()) {
            return r.node();
        }
        if (schema.truncated()) {
            return null; // the model hit its size budget: no verdict
        }
        QualifiedName missing = path.segments().get(r.failedSegment());
        SchemaNode last = r.lastFound();
        String where = last.kind() == SchemaNode.Kind.ROOT ? "at the top level of module '"
                + c.resolvePrefix(missing.prefix()).moduleName() + "'"
                : "in " + describe(last);
        context.report(s, code, s.keyword() + " target '" + s.argument().trim() + "' does not exist: no node '"
                + missing + "' " + where);
        context.patch(StatementPatch.remove(s));
        return null;
    }

    static String describe(SchemaNode n) {
        String kind = switch (n.kind()) {
            case LEAF_LIST -> "leaf-list";
            case GROUPING -> "grouping";
            default -> n.kind().name().toLowerCase(java.util.Locale.ROOT);
        };
        return n.kind() == SchemaNode.Kind.GROUPING ? "grouping '" + n.name() + "'" : kind + " '" + n.path() + "'";
    }
}
