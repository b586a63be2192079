package dev.homeport.yang.editor;

import dev.homeport.yang.YangLanguageService;
import dev.homeport.yang.ide.FoldingRange;
import dev.homeport.yang.ide.OutlineSymbol;
import dev.homeport.yang.ide.SemanticToken;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Document;
import dev.homeport.yang.text.Position;
import dev.homeport.yang.text.Range;
import dev.homeport.yang.text.TextChange;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;

/**
 * One YANG document open in an editor, kept in step with the language service: every edit goes to the core thread
 * as an incremental change (UTF-16 line/column, as the core counts), and after a pause (debounced) the analyses
 * run there, off the UI thread: the fast diagnostics with semantic tokens, outline and folding, then yangtools'
 * pass on its own thread. Results go to the {@link Listener} with the version of the text they belong to.
 */
public final class YangDocumentSession {
    /** Pause after the last keystroke before the fast pass, and before yangtools' pass after that. */
    static final long FAST_DELAY_MILLIS = 200;
    static final long SEMANTIC_DELAY_MILLIS = 400;

    /** What one pass found, for the text of {@code version}. */
    public record Analysis(int version, Document document, List<Diagnostic> diagnostics, boolean withYangtools,
            List<SemanticToken> tokens, List<OutlineSymbol> outline, List<FoldingRange> folding) {
    }

    /** Called on the core thread (or yangtools' thread); hop to the UI thread for widgets. */
    public interface Listener {
        void analysed(Analysis analysis);
    }

    private final YangServiceHost host;
    private final URI uri;
    private final IFile file;
    private final IDocument document;
    private final Listener listener;
    private final ProblemMarkers markers;
    private volatile int version;
    private Range pendingRange; // UI thread: from documentAboutToBeChanged to documentChanged
    private final Object scheduleLock = new Object();
    private ScheduledFuture<?> scheduled; // guarded by scheduleLock
    private volatile boolean closed;
    private volatile Analysis latest;

    private final IDocumentListener documentListener = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
            pendingRange = new Range(position(event.getDocument(), event.getOffset()),
                    position(event.getDocument(), event.getOffset() + event.getLength()));
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            TextChange change = new TextChange(pendingRange, event.getText() == null ? "" : event.getText());
            int v = ++version;
            host.execute(() -> {
                host.bumpGeneration();
                host.service().change(uri, v, List.of(change));
            });
            analyseSoon();
        }
    };

    YangDocumentSession(YangServiceHost host, URI uri, IFile file, IDocument document, Listener listener) {
        this.host = host;
        this.uri = WorkspaceIndex.normalize(uri);
        this.file = file;
        this.document = document;
        this.listener = listener;
        this.markers = file == null ? null : new ProblemMarkers(file);
        String text = document.get();
        host.execute(() -> {
            host.bumpGeneration();
            host.service().open(new Document(this.uri, 0, text));
        });
        document.addDocumentListener(documentListener);
        host.register(this);
        analyseSoon();
    }

    public URI uri() {
        return uri;
    }

    /** The workspace file, or null for a file outside the workspace (no problem markers there). */
    public IFile file() {
        return file;
    }

    public IDocument document() {
        return document;
    }

    /** The version of the editor's text (the count of edits since it was opened). */
    public int version() {
        return version;
    }

    public YangServiceHost host() {
        return host;
    }

    /** The last fast or full pass. */
    public Analysis latest() {
        return latest;
    }

    /** Schedules the passes after the debounce pause, replacing one not yet started. */
    void analyseSoon() {
        synchronized (scheduleLock) {
            if (closed) {
                return;
            }
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            scheduled = host.timers().schedule(() -> host.execute(this::fastPass), FAST_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** On the core thread, so the text cannot change while it runs. */
    private void fastPass() {
        YangLanguageService service = host.service();
        if (closed || service.document(uri).isEmpty()) {
            return;
        }
        Document doc = service.document(uri).get();
        Analysis a = new Analysis(doc.version(), doc, service.fastDiagnostics(uri), false, service.semanticTokens(uri),
                service.documentSymbols(uri), service.foldingRanges(uri));
        publish(a);
        long started = host.generation();
        synchronized (scheduleLock) {
            if (closed) {
                return;
            }
            scheduled = host.timers().schedule(() -> host.executeSemantic(() -> semanticPass(started, a)),
                    SEMANTIC_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** yangtools' pass, on its own thread; dropped when any change came after the fast pass it follows. */
    private void semanticPass(long started, Analysis fast) {
        if (closed || host.generation() != started) {
            return;
        }
        Map<URI, List<Diagnostic>> all = host.service().diagnosticsFeature().diagnostics(List.of(uri), null);
        host.execute(() -> {
            if (!closed && host.generation() == started) {
                publish(new Analysis(fast.version(), fast.document(), all.getOrDefault(uri, List.of()), true,
                        fast.tokens(), fast.outline(), fast.folding()));
            }
        });
    }

    private void publish(Analysis a) {
        latest = a;
        if (markers != null) {
            markers.update(a.document(), a.diagnostics());
        }
        listener.analysed(a);
    }

    void close() {
        synchronized (scheduleLock) {
            closed = true;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
        document.removeDocumentListener(documentListener);
        host.unregister(this);
        host.execute(() -> {
            host.bumpGeneration();
            host.service().close(uri);
        });
        if (markers != null) {
            markers.clear();
        }
    }

    /** An offset of the editor's document as the core's line and UTF-16 column. */
    static Position position(IDocument doc, int offset) {
        try {
            int line = doc.getLineOfOffset(offset);
            return new Position(line, offset - doc.getLineOffset(line));
        } catch (BadLocationException e) {
            throw new IllegalStateException("offset " + offset + " outside the document", e);
        }
    }
}
