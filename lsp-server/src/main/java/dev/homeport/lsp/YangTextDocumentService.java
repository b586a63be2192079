package dev.homeport.lsp;

import dev.homeport.yang.YangLanguageService;
import dev.homeport.yang.index.IndexUpdate;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.text.Document;
import dev.homeport.yang.text.TextChange;
import java.net.URI;
import dev.homeport.yang.ide.RenameRefusedException;
import dev.homeport.yang.text.Span;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Document synchronisation (full text on open, incremental changes) and, as they are wired, the per-document
 * requests. Every handler maps LSP values to the core's and back through {@link LspConversions}.
 */
public final class YangTextDocumentService implements TextDocumentService {
    private final YangLanguageServer server;

    YangTextDocumentService(YangLanguageServer server) {
        this.server = server;
    }

    private YangLanguageService service() {
        return server.service();
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        String spelled = params.getTextDocument().getUri();
        int version = params.getTextDocument().getVersion();
        String text = params.getTextDocument().getText() == null ? "" : params.getTextDocument().getText();
        server.mutate("opening " + spelled, () -> {
            URI uri = WorkspaceIndex.normalize(parse(spelled));
            server.publisher().opened(uri, spelled);
            IndexUpdate update = service().open(new Document(uri, version, text));
            return affected(uri, update);
        });
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String spelled = params.getTextDocument().getUri();
        int version = params.getTextDocument().getVersion() == null ? 0 : params.getTextDocument().getVersion();
        List<TextChange> changes = params.getContentChanges().stream().map(YangTextDocumentService::change).toList();
        server.mutate("applying a change to " + spelled, () -> {
            URI uri = WorkspaceIndex.normalize(parse(spelled));
            return affected(uri, service().change(uri, version, changes));
        });
    }

    private static TextChange change(TextDocumentContentChangeEvent e) {
        return LspConversions.fromLsp(e);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String spelled = params.getTextDocument().getUri();
        server.mutate("closing " + spelled, () -> {
            URI uri = WorkspaceIndex.normalize(parse(spelled));
            IndexUpdate update = service().close(uri);
            server.publisher().cleared(uri);
            Set<URI> others = new LinkedHashSet<>(update.affected());
            others.remove(uri);
            return others;
        });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the open document's text is what counts; the watched-file event for the saved file changes nothing
    }

    // ---------------------------------------------------------------- editing features (thin mappings)

    /** The normalized URI and the offset of an LSP position in the open document; empty when it is not open. */
    private record At(URI uri, int offset) {
    }

    private Optional<At> at(TextDocumentIdentifier doc, Position position) {
        URI uri = WorkspaceIndex.normalize(parse(doc.getUri()));
        return service().document(uri).map(d -> new At(uri, d.offset(LspConversions.fromLsp(position))));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return server.request("definition", cancel -> Either.forLeft(at(params.getTextDocument(), params.getPosition())
                .map(a -> NavigationConversions.locations(service().definition(a.uri(), a.offset()), this::spell))
                .orElse(List.of())));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean declaration = params.getContext() != null && params.getContext().isIncludeDeclaration();
        return server.request("references", cancel -> at(params.getTextDocument(), params.getPosition())
                .map(a -> NavigationConversions.locations(service().references(a.uri(), a.offset(), declaration),
                        this::spell)).orElse(List.of()));
    }

    @Override
    public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
        return server.request("document highlight", cancel -> at(params.getTextDocument(), params.getPosition())
                .map(a -> service().documentHighlights(a.uri(), a.offset()).stream()
                        .map(NavigationConversions::toLsp).toList()).orElse(List.of()));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return server.request("hover", cancel -> at(params.getTextDocument(), params.getPosition())
                .flatMap(a -> service().hover(a.uri(), a.offset())).map(NavigationConversions::toLsp).orElse(null));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return server.request("document symbols", cancel -> {
            URI uri = WorkspaceIndex.normalize(parse(params.getTextDocument().getUri()));
            return service().documentSymbols(uri).stream()
                    .map(s -> Either.<SymbolInformation, DocumentSymbol>forRight(NavigationConversions.toLsp(s)))
                    .toList();
        });
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return server.request("completion", cancel -> Either.forRight(new CompletionList(false,
                at(params.getTextDocument(), params.getPosition())
                        .map(a -> service().completion(a.uri(), a.offset()).stream()
                                .map(NavigationConversions::toLsp).toList()).orElse(List.of()))));
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
            PrepareRenameParams params) {
        return server.request("prepare rename", cancel -> {
            URI uri = WorkspaceIndex.normalize(parse(params.getTextDocument().getUri()));
            Document d = service().document(uri).orElse(null);
            if (d == null) {
                return null;
            }
            try {
                Span span = service().prepareRename(uri, d.offset(LspConversions.fromLsp(params.getPosition())));
                return Either3.forFirst(LspConversions.toLsp(d.range(span)));
            } catch (RenameRefusedException e) {
                throw refused(e);
            }
        });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return server.request("rename", cancel -> at(params.getTextDocument(), params.getPosition()).map(a -> {
            try {
                return NavigationConversions.toLsp(service().rename(a.uri(), a.offset(), params.getNewName()),
                        this::spell);
            } catch (RenameRefusedException e) {
                throw refused(e);
            }
        }).orElse(null));
    }

    @Override
    public CompletableFuture<List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>>> codeAction(
            org.eclipse.lsp4j.CodeActionParams params) {
        return server.request("code actions", cancel -> {
            URI uri = WorkspaceIndex.normalize(parse(params.getTextDocument().getUri()));
            Document d = service().document(uri).orElse(null);
            if (d == null || params.getRange() == null || params.getContext() == null
                    || params.getContext().getDiagnostics() == null) {
                return List.<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>>of();
            }
            // each core diagnostic remembers the client's object, which the action must name as the one it fixes
            java.util.Map<dev.homeport.yang.text.Diagnostic, org.eclipse.lsp4j.Diagnostic> sent = new java.util.IdentityHashMap<>();
            List<dev.homeport.yang.text.Diagnostic> diagnostics = new java.util.ArrayList<>();
            for (org.eclipse.lsp4j.Diagnostic lsp : params.getContext().getDiagnostics()) {
                LspConversions.fromLsp(lsp, d.lines()).ifPresent(core -> {
                    sent.put(core, lsp);
                    diagnostics.add(core);
                });
            }
            Span span = d.lines().span(LspConversions.fromLsp(params.getRange()));
            return service().codeActions(uri, span, diagnostics).stream()
                    .map(a -> Either.<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>forRight(
                            NavigationConversions.toLsp(a, sent.get(a.diagnostic()), this::spell)))
                    .toList();
        });
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return server.request("folding ranges", cancel -> {
            URI uri = WorkspaceIndex.normalize(parse(params.getTextDocument().getUri()));
            return service().foldingRanges(uri).stream().map(f -> {
                FoldingRange r = new FoldingRange(f.startLine(), f.endLine());
                r.setKind(f.kind() == dev.homeport.yang.ide.FoldingRange.Kind.COMMENT ? FoldingRangeKind.Comment
                        : FoldingRangeKind.Region);
                return r;
            }).toList();
        });
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        int indent = params.getOptions() == null || params.getOptions().getTabSize() <= 0 ? 2
                : params.getOptions().getTabSize();
        return server.request("formatting", cancel -> {
            URI uri = WorkspaceIndex.normalize(parse(params.getTextDocument().getUri()));
            dev.homeport.yang.ide.FormattingOptions options = dev.homeport.yang.ide.FormattingOptions.indent(indent)
                    .withCanonicalOrder(server.settings().canonicalOrder());
            return service().format(uri, options).stream().map(e -> new TextEdit(LspConversions.toLsp(e.range()),
                    e.newText())).toList();
        });
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return server.request("semantic tokens", cancel -> {
            URI uri = WorkspaceIndex.normalize(parse(params.getTextDocument().getUri()));
            return new SemanticTokens(toList(dev.homeport.yang.ide.SemanticToken.encode(service().semanticTokens(uri))));
        });
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensRange(SemanticTokensRangeParams params) {
        return server.request("semantic tokens", cancel -> {
            URI uri = WorkspaceIndex.normalize(parse(params.getTextDocument().getUri()));
            Document d = service().document(uri).orElse(null);
            if (d == null) {
                return new SemanticTokens(List.of());
            }
            dev.homeport.yang.text.Range r = LspConversions.fromLsp(params.getRange());
            Span span = new Span(d.offset(r.start()), d.offset(r.end()));
            return new SemanticTokens(toList(dev.homeport.yang.ide.SemanticToken.encode(
                    service().semanticTokens(uri, span))));
        });
    }

    private static List<Integer> toList(int[] data) {
        return java.util.Arrays.stream(data).boxed().toList();
    }

    /** A refused rename reaches the user as the request's error message. */
    private static ResponseErrorException refused(RenameRefusedException e) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, e.getMessage(), null));
    }

    private String spell(URI uri) {
        return server.publisher().spell(uri);
    }

    private static Set<URI> affected(URI uri, IndexUpdate update) {
        Set<URI> out = new LinkedHashSet<>();
        out.add(uri);
        out.addAll(update.affected());
        return out;
    }

    static URI parse(String uri) {
        try {
            return URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URI: " + uri, e);
        }
    }
}
