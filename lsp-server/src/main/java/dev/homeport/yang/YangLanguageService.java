package dev.homeport.yang;

import dev.homeport.yang.feature.DiagnosticSettings;
import dev.homeport.yang.feature.DiagnosticsFeature;
import dev.homeport.yang.index.IndexUpdate;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.index.SearchPathProblem;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Document;
import dev.homeport.yang.text.TextChange;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The YANG language service in editor terms and without any protocol types: the LSP adapter
 * ({@code dev.homeport.lsp}) translates messages into these calls. It keeps the open documents, feeds them to
 * the {@link WorkspaceIndex} and hands out one feature object per editor feature (diagnostics now; completion,
 * hover, definition plug in the same way).
 *
 * <p>Each change returns the sources it affects, so a client re-analyses and re-publishes only those.
 */
public final class YangLanguageService {
    // every tree is kept: the semantic layers need each dependency's tree, and would otherwise parse it twice
    private final WorkspaceIndex index = new WorkspaceIndex(true);
    private final Map<URI, Document> documents = new ConcurrentHashMap<>();
    private final DiagnosticsFeature diagnostics = new DiagnosticsFeature(index);

    public WorkspaceIndex index() {
        return index;
    }

    /** Sets the workspace folders and extra search-path entries; returns entries and files that cannot be used. */
    public List<SearchPathProblem> configure(List<Path> workspaceFolders, List<String> pathEntries, PathExpander expander) {
        return index.configure(workspaceFolders, pathEntries, expander);
    }

    public IndexUpdate open(Document document) {
        URI uri = WorkspaceIndex.normalize(document.uri());
        Document normalized = new Document(uri, document.version(), document.text());
        documents.put(uri, normalized);
        return index.open(normalized);
    }

    /**
     * Applies an editor's changes to an open document. A change for a document that is not open is refused
     * with IllegalStateException: without the text it applies to, any result would be wrong.
     */
    public IndexUpdate change(URI uri, int version, List<TextChange> changes) {
        URI key = WorkspaceIndex.normalize(uri);
        Document next = documents.compute(key, (k, current) -> {
            if (current == null) {
                throw new IllegalStateException("change for " + uri + ", which is not open");
            }
            return current.apply(changes, version);
        });
        IndexUpdate update = index.change(next);
        diagnostics.retainCurrent();
        return update;
    }

    public IndexUpdate close(URI uri) {
        URI key = WorkspaceIndex.normalize(uri);
        documents.remove(key);
        IndexUpdate update = index.close(key);
        diagnostics.retainCurrent();
        return update;
    }

    public Optional<Document> document(URI uri) {
        return Optional.ofNullable(documents.get(WorkspaceIndex.normalize(uri)));
    }

    public DiagnosticsFeature diagnosticsFeature() {
        return diagnostics;
    }

    /** The user's severity per diagnostic code (the adapter maps {@code homeport.yang.diagnostics} to it). */
    public void setDiagnosticSettings(DiagnosticSettings settings) {
        diagnostics.setSettings(settings);
    }

    /** All diagnostics of one source (syntax, index, our checks, yangtools), in text order. */
    public List<Diagnostic> diagnostics(URI uri) {
        return diagnostics.diagnostics(WorkspaceIndex.normalize(uri));
    }

    /**
     * The diagnostics that come without compiling: syntax, index and our checks. Cheap enough for every keystroke
     * (tens of milliseconds for the largest OpenConfig module); {@link #diagnostics} adds yangtools' verdict.
     */
    public List<Diagnostic> fastDiagnostics(URI uri) {
        return diagnostics.fastDiagnostics(WorkspaceIndex.normalize(uri));
    }
}
