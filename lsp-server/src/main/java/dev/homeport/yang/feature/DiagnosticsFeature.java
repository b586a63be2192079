package dev.homeport.yang.feature;

import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.text.Diagnostic;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The diagnostics of one source: its syntax problems, then what the workspace index finds (structure, file
 * name, unresolved or ambiguous references). Semantic checks (yangtools) will add theirs here.
 */
public final class DiagnosticsFeature {
    private final WorkspaceIndex index;

    public DiagnosticsFeature(WorkspaceIndex index) {
        this.index = index;
    }

    public List<Diagnostic> diagnostics(URI uri) {
        List<Diagnostic> all = new ArrayList<>();
        index.syntaxTree(uri).map(SyntaxTree::diagnostics).ifPresent(all::addAll);
        all.addAll(index.diagnostics(uri));
        all.sort(Comparator.comparing(Diagnostic::span));
        return all;
    }
}
