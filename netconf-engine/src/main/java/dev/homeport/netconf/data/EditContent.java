package dev.homeport.netconf.data;

/**
 * The parsed content of an edit-config {@code <config>} (RFC 6241 section 7.2): the nodes to change with their
 * {@code nc:operation} and RFC 7950 {@code insert} attributes, checked against the schema. Made by
 * {@link EditApplier#parse}; applied by {@link EditApplier#apply}.
 */
public final class EditContent {
    final EditNode root;

    EditContent(EditNode root) {
        this.root = root;
    }

    /** True when the config has no data nodes at all. */
    public boolean isEmpty() {
        return root.children.isEmpty();
    }

    /** A tree listing for debugging: node kinds, identifiers, operations. */
    @Override
    public String toString() {
        return root.toString();
    }
}
