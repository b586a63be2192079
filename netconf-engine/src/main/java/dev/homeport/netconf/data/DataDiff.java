package dev.homeport.netconf.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserLeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;

/**
 * Where two trees differ, node by node: what a server reports in RFC 6470 netconf-config-change and checks against
 * partial locks. A node present only after is created (reported once, not its descendants), one present only before
 * is deleted, a leaf with another value, or an ordered-by-user list whose order changed, is replaced. Subtrees shared
 * by both trees (the same object, as immutable trees share what an edit did not touch) are skipped without a look.
 */
public final class DataDiff {
    public enum Kind { CREATE, DELETE, REPLACE;
        /** The RFC 6241 edit-operation keyword. */
        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One difference; {@code path} is a yangtools path (list and choice steps included). {@code reordered}: the
     * entries of the ordered-by-user list or leaf-list at {@code path} changed their order (kind REPLACE).
     */
    public record Change(YangInstanceIdentifier path, Kind kind, boolean reordered) {
        public Change(YangInstanceIdentifier path, Kind kind) {
            this(path, kind, false);
        }
    }

    private DataDiff() {
    }

    public static List<Change> between(ContainerNode before, ContainerNode after) {
        List<Change> out = new ArrayList<>();
        diff(YangInstanceIdentifier.of(), before, after, out);
        return out;
    }

    private static void diff(YangInstanceIdentifier path, NormalizedNode a, NormalizedNode b, List<Change> out) {
        if (a == b) {
            return;
        }
        if (a == null) {
            out.add(new Change(path, Kind.CREATE));
            return;
        }
        if (b == null) {
            out.add(new Change(path, Kind.DELETE));
            return;
        }
        switch (a) {
            case DataContainerNode ac when b instanceof DataContainerNode bc -> {
                for (DataContainerChild c : ac.body()) {
                    diff(path.node(c.name()), c, bc.childByArg(c.name()), out);
                }
                for (DataContainerChild c : bc.body()) {
                    if (ac.childByArg(c.name()) == null) {
                        out.add(new Change(path.node(c.name()), Kind.CREATE));
                    }
                }
            }
            case MapNode am when b instanceof MapNode bm -> {
                for (MapEntryNode e : am.body()) {
                    diff(path.node(e.name()), e, bm.childByArg(e.name()), out);
                }
                for (MapEntryNode e : bm.body()) {
                    if (am.childByArg(e.name()) == null) {
                        out.add(new Change(path.node(e.name()), Kind.CREATE));
                    }
                }
                if (am instanceof UserMapNode && !sameOrder(am.body().iterator(), bm.body().iterator())) {
                    out.add(new Change(path, Kind.REPLACE, true));
                }
            }
            case LeafSetNode<?> al when b instanceof LeafSetNode<?> bl -> {
                for (LeafSetEntryNode<?> e : al.body()) {
                    if (bl.childByArg(e.name()) == null) {
                        out.add(new Change(path.node(e.name()), Kind.DELETE));
                    }
                }
                for (LeafSetEntryNode<?> e : bl.body()) {
                    if (al.childByArg(e.name()) == null) {
                        out.add(new Change(path.node(e.name()), Kind.CREATE));
                    }
                }
                if (al instanceof UserLeafSetNode && !sameOrder(al.body().iterator(), bl.body().iterator())) {
                    out.add(new Change(path, Kind.REPLACE, true));
                }
            }
            default -> {
                if (!DataTrees.sameData(a, b)) {
                    out.add(new Change(path, Kind.REPLACE));
                }
            }
        }
    }

    /** Same entries in the same order (both sides already known to hold the same names where it matters). */
    private static boolean sameOrder(Iterator<? extends NormalizedNode> a, Iterator<? extends NormalizedNode> b) {
        List<Object> x = new ArrayList<>();
        a.forEachRemaining(n -> x.add(n.name()));
        java.util.Set<Object> inA = new java.util.HashSet<>(x);
        List<Object> y = new ArrayList<>();
        b.forEachRemaining(n -> {
            if (inA.contains(n.name())) {
                y.add(n.name());
            }
        });
        java.util.Set<Object> inB = new java.util.HashSet<>(y);
        x.removeIf(k -> !inB.contains(k));
        return x.equals(y);
    }
}
