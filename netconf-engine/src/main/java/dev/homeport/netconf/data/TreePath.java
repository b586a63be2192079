package dev.homeport.netconf.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier;

/**
 * Where a walk over data is, kept as a shared-tail list so that each step costs one small object. It records both
 * the schema-tree path (choices and cases included: leafref resolution needs it) and the data path (what error
 * messages and error-path show). Paths are only materialized when asked for, which is rare: on errors and leafrefs.
 */
final class TreePath {
    static final TreePath ROOT = new TreePath(null, null, null);

    private final TreePath parent;
    private final QName schemaStep;
    private final PathArgument dataStep;

    private TreePath(TreePath parent, QName schemaStep, PathArgument dataStep) {
        this.parent = parent;
        this.schemaStep = schemaStep;
        this.dataStep = dataStep;
    }

    /** A data node: container, leaf, list entry (schema step is the list), leaf-list entry. */
    TreePath data(QName schemaNode, PathArgument step) {
        return new TreePath(this, schemaNode, step);
    }

    /** A schema-only step: a choice or a case. */
    TreePath schemaOnly(QName choiceOrCase) {
        return new TreePath(this, choiceOrCase, null);
    }

    SchemaNodeIdentifier.Absolute toSchemaPath() {
        ArrayDeque<QName> steps = new ArrayDeque<>();
        for (TreePath p = this; p != null && p.schemaStep != null; p = p.parent) {
            steps.addFirst(p.schemaStep);
        }
        return SchemaNodeIdentifier.Absolute.of(List.copyOf(steps));
    }

    YangInstanceIdentifier toDataPath() {
        ArrayDeque<PathArgument> steps = new ArrayDeque<>();
        for (TreePath p = this; p != null; p = p.parent) {
            if (p.dataStep != null) {
                steps.addFirst(p.dataStep);
            }
        }
        return YangInstanceIdentifier.of(new ArrayList<>(steps));
    }
}
