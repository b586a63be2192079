package dev.homeport.yang.ide;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Edits to several sources, per URI, each list in text order and without overlaps. */
public record WorkspaceEdit(Map<URI, List<TextEdit>> changes) {
    public WorkspaceEdit {
        changes = Map.copyOf(changes);
    }
}
