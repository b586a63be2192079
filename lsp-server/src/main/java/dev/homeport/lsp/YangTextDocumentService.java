package dev.homeport.lsp;

import dev.homeport.yang.YangLanguageService;
import dev.homeport.yang.index.IndexUpdate;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.text.Document;
import dev.homeport.yang.text.TextChange;
import java.net.URI;
import java.util.LinkedHashSet;
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
