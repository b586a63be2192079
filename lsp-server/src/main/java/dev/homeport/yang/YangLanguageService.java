package dev.homeport.yang;

import dev.homeport.yang.feature.DiagnosticSettings;
import dev.homeport.yang.feature.DiagnosticsFeature;
import dev.homeport.yang.ide.CodeAction;
import dev.homeport.yang.ide.CodeActionsFeature;
import dev.homeport.yang.ide.CompletionFeature;
import dev.homeport.yang.ide.CompletionItem;
import dev.homeport.yang.ide.DefinitionFeature;
import dev.homeport.yang.ide.DocumentSymbolsFeature;
import dev.homeport.yang.ide.OutlineSymbol;
import dev.homeport.yang.ide.WorkspaceSymbol;
import dev.homeport.yang.ide.WorkspaceSymbolsFeature;
import dev.homeport.yang.ide.Highlight;
import dev.homeport.yang.ide.HighlightFeature;
import dev.homeport.yang.ide.HoverFeature;
import dev.homeport.yang.ide.HoverInfo;
import dev.homeport.yang.ide.Location;
import dev.homeport.yang.ide.ReferencesFeature;
import dev.homeport.yang.ide.RenameFeature;
import dev.homeport.yang.ide.RenameRefusedException;
import dev.homeport.yang.ide.TreeDiagramFeature;
import dev.homeport.yang.ide.FoldingRange;
import dev.homeport.yang.ide.FoldingRangesFeature;
import dev.homeport.yang.ide.FormattingFeature;
import dev.homeport.yang.ide.SemanticToken;
import dev.homeport.yang.ide.SemanticTokensFeature;
import dev.homeport.yang.ide.TextEdit;
import dev.homeport.yang.ide.WorkspaceEdit;
import dev.homeport.yang.ide.SymbolAt;
import dev.homeport.yang.index.IndexUpdate;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.index.SearchPathProblem;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.model.SourceTrees;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Document;
import dev.homeport.yang.text.Span;
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
    // the editing features share one tree cache; trees themselves are the index's, so nothing is parsed twice
    private final SourceTrees ideTrees = new SourceTrees(index);
    private final DefinitionFeature definition = new DefinitionFeature(ideTrees);
    private final ReferencesFeature references = new ReferencesFeature(ideTrees);
    private final HighlightFeature highlights = new HighlightFeature(ideTrees);
    private final HoverFeature hover = new HoverFeature(ideTrees);
    private final RenameFeature rename = new RenameFeature(ideTrees);
    private final TreeDiagramFeature treeDiagram = new TreeDiagramFeature(ideTrees);
    private final FoldingRangesFeature folding = new FoldingRangesFeature(ideTrees);
    private final FormattingFeature formatting = new FormattingFeature(ideTrees);
    private final SemanticTokensFeature semanticTokens = new SemanticTokensFeature(ideTrees);
    private final CompletionFeature completion = new CompletionFeature(ideTrees);
    private final DocumentSymbolsFeature documentSymbols = new DocumentSymbolsFeature(ideTrees);
    private final WorkspaceSymbolsFeature workspaceSymbols = new WorkspaceSymbolsFeature(ideTrees);
    private final CodeActionsFeature codeActions = new CodeActionsFeature(ideTrees);

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
        ideTrees.retainCurrent();
        return update;
    }

    public IndexUpdate close(URI uri) {
        URI key = WorkspaceIndex.normalize(uri);
        documents.remove(key);
        IndexUpdate update = index.close(key);
        diagnostics.retainCurrent();
        ideTrees.retainCurrent();
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

    // ------------------------------------------------------------------ editing features
    // Offsets are UTF-16 offsets into the text the index has for the URI (the open document's text when it is
    // open): the adapter converts with document(uri).offset(position). Results carry offsets and editor ranges.

    /** What the name at {@code offset} refers to (module, prefix, typedef/grouping/identity/feature/extension, schema node, built-in type). */
    public Optional<SymbolAt> symbolAt(URI uri, int offset) {
        return definition.symbolAt(WorkspaceIndex.normalize(uri), offset);
    }

    /** Go to definition: where the name at {@code offset} is defined; empty when it names nothing known. */
    public List<Location> definition(URI uri, int offset) {
        return definition.definition(WorkspaceIndex.normalize(uri), offset);
    }

    /** Find references, workspace-wide; with {@code includeDeclaration} the definition comes first. */
    public List<Location> references(URI uri, int offset, boolean includeDeclaration) {
        return references.references(WorkspaceIndex.normalize(uri), offset, includeDeclaration);
    }

    /** Document highlight: the occurrences of the symbol at {@code offset} in the same document. */
    public List<Highlight> documentHighlights(URI uri, int offset) {
        return highlights.highlights(WorkspaceIndex.normalize(uri), offset);
    }

    /** Hover: Markdown about the name (or keyword) at {@code offset}, with the span it is about. */
    public Optional<HoverInfo> hover(URI uri, int offset) {
        return hover.hover(WorkspaceIndex.normalize(uri), offset);
    }

    /** Document symbols: the outline of a source, module down to leaves (LSP DocumentSymbol hierarchy). */
    public List<OutlineSymbol> documentSymbols(URI uri) {
        return documentSymbols.documentSymbols(WorkspaceIndex.normalize(uri));
    }

    /** Workspace symbols: definitions and schema nodes of every source whose name matches {@code query} fuzzily. */
    public List<WorkspaceSymbol> workspaceSymbols(String query) {
        return workspaceSymbols.workspaceSymbols(query);
    }

    /** Completion at {@code offset}: keywords, snippets, names in scope, module names, schema-node path steps. */
    public List<CompletionItem> completion(URI uri, int offset) {
        return completion.complete(WorkspaceIndex.normalize(uri), offset);
    }

    /**
     * The span of the name at {@code offset} that {@link #rename} would change.
     *
     * @throws RenameRefusedException when there is nothing renamable there (with the reason)
     */
    public Span prepareRename(URI uri, int offset) {
        return rename.prepareRename(WorkspaceIndex.normalize(uri), offset);
    }

    /**
     * Renames the typedef, grouping, identity, feature or prefix at {@code offset} and every reference to it.
     *
     * @throws RenameRefusedException for other symbols, invalid or clashing names, or edits outside the workspace
     */
    public WorkspaceEdit rename(URI uri, int offset, String newName) {
        return rename.rename(WorkspaceIndex.normalize(uri), offset, newName);
    }

    /** The RFC 8340 tree diagram of the module of {@code uri} (command {@code homeport.showTree}); empty when none. */
    public Optional<String> treeDiagram(URI uri) {
        return treeDiagram.treeDiagram(WorkspaceIndex.normalize(uri));
    }

    /** Folding ranges: multi-line blocks (up to the line before their brace), statements and block comments. */
    public List<FoldingRange> foldingRanges(URI uri) {
        return folding.foldingRanges(WorkspaceIndex.normalize(uri));
    }

    /**
     * Formatting edits: canonical indentation, {@code indent} spaces per level, no trailing whitespace; comments and
     * string values are kept. Empty for texts with syntax errors.
     */
    public List<TextEdit> format(URI uri, int indent) {
        return format(uri, dev.homeport.yang.ide.FormattingOptions.indent(indent));
    }

    /** Formatting edits as {@link #format(URI, int)}, and with {@code canonicalOrder} statements in RFC 7950 order. */
    public List<TextEdit> format(URI uri, dev.homeport.yang.ide.FormattingOptions options) {
        return formatting.format(WorkspaceIndex.normalize(uri), options);
    }

    /** Semantic tokens of a whole source ({@link SemanticToken#encode} gives LSP's relative form). */
    public List<SemanticToken> semanticTokens(URI uri) {
        return semanticTokens.semanticTokens(WorkspaceIndex.normalize(uri));
    }

    /** Semantic tokens overlapping {@code span}. */
    public List<SemanticToken> semanticTokens(URI uri, Span span) {
        return semanticTokens.semanticTokens(WorkspaceIndex.normalize(uri), span);
    }

    /**
     * Quick fixes for those of {@code diagnostics} (as {@link #diagnostics} gave them) that overlap {@code span}:
     * import a module for an unknown prefix, use the newest revision for a revision-date not found, declare
     * yang-version 1.1, remove an unused import.
     */
    public List<CodeAction> codeActions(URI uri, Span span, List<Diagnostic> diagnostics) {
        return codeActions.codeActions(WorkspaceIndex.normalize(uri), span, diagnostics);
    }
}
