package dev.homeport.yang.editor;

import dev.homeport.yang.ide.FoldingRange;
import dev.homeport.yang.ide.Location;
import dev.homeport.yang.ide.TextEdit;
import dev.homeport.yang.ide.WorkspaceEdit;
import dev.homeport.yang.text.Span;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.IVerticalRuler;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionSupport;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.eclipse.ui.texteditor.TextOperationAction;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/**
 * The YANG editor: the platform text editor with the language core's features (see
 * {@link YangSourceViewerConfiguration}), problem markers, an outline, folding, format and rename. The core runs in
 * process ({@link YangServiceHost}); this class only translates between editor and core values.
 */
public final class YangEditor extends TextEditor {
    public static final String ID = "dev.homeport.yang.editor";
    public static final String CONTEXT = "dev.homeport.yang.editor.scope";

    private final SemanticHighlighting highlighting = new SemanticHighlighting();
    private final List<Consumer<YangDocumentSession.Analysis>> analysisListeners = new CopyOnWriteArrayList<>();
    private volatile YangDocumentSession session;
    private YangOutlinePage outline;
    private ProjectionSupport projectionSupport;
    private final Map<Position, ProjectionAnnotation> folds = new HashMap<>();
    private YangDocumentSession.Analysis shown;

    @Override
    protected void initializeEditor() {
        super.initializeEditor();
        setSourceViewerConfiguration(new YangSourceViewerConfiguration(this, getPreferenceStore()));
    }

    @Override
    protected void initializeKeyBindingScopes() {
        setKeyBindingScopes(new String[] {CONTEXT});
    }

    @Override
    protected void createActions() {
        super.createActions();
        ResourceBundle bundle = new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"ContentAssistProposal.label", "Content Assist"}};
            }
        };
        TextOperationAction assist = new TextOperationAction(bundle, "ContentAssistProposal.", this,
                ISourceViewer.CONTENTASSIST_PROPOSALS);
        assist.setActionDefinitionId(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
        setAction("ContentAssistProposal", assist);
    }

    @Override
    protected ISourceViewer createSourceViewer(Composite parent, IVerticalRuler ruler, int styles) {
        ISourceViewer viewer = new ProjectionViewer(parent, ruler, getOverviewRuler(), isOverviewRulerVisible(), styles);
        getSourceViewerDecorationSupport(viewer);
        return viewer;
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        ProjectionViewer viewer = (ProjectionViewer) getSourceViewer();
        projectionSupport = new ProjectionSupport(viewer, getAnnotationAccess(), getSharedColors());
        projectionSupport.install();
        viewer.doOperation(ProjectionViewer.TOGGLE);
        if (shown != null) {
            show(shown);
        }
    }

    @Override
    protected void doSetInput(IEditorInput input) throws CoreException {
        super.doSetInput(input);
        if (session != null) {
            session.close();
            session = null;
        }
        IFile file = input.getAdapter(IFile.class);
        URI uri = file != null && file.getLocationURI() != null ? file.getLocationURI()
                : input instanceof IURIEditorInput u ? u.getURI() : null;
        IDocument document = getDocumentProvider().getDocument(input);
        if (uri != null && document != null) {
            YangServiceHost host = YangEditorPlugin.plugin().host();
            session = new YangDocumentSession(host, uri, file, document, this::analysed);
        }
    }

    @Override
    public void dispose() {
        if (session != null) {
            session.close();
            session = null;
        }
        super.dispose();
    }

    /** The document's link to the language service; null when the input has no URI. */
    public YangDocumentSession session() {
        return session;
    }

    /** The colouring from the core's semantic tokens. */
    public SemanticHighlighting highlighting() {
        return highlighting;
    }

    /** The wiring of the core's features into the text viewer. */
    public YangSourceViewerConfiguration configuration() {
        return (YangSourceViewerConfiguration) getSourceViewerConfiguration();
    }

    /** The source viewer (for tests and handlers). */
    public ISourceViewer viewer() {
        return getSourceViewer();
    }

    public YangOutlinePage outlinePage() {
        return outline;
    }

    /** Called with every analysis after the editor has shown it (UI thread). */
    public void addAnalysisListener(Consumer<YangDocumentSession.Analysis> listener) {
        analysisListeners.add(listener);
    }

    public void removeAnalysisListener(Consumer<YangDocumentSession.Analysis> listener) {
        analysisListeners.remove(listener);
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (IContentOutlinePage.class.equals(adapter)) {
            if (outline == null) {
                outline = new YangOutlinePage(this);
                if (shown != null) {
                    outline.setSymbols(shown.outline());
                }
            }
            return adapter.cast(outline);
        }
        return super.getAdapter(adapter);
    }

    private void analysed(YangDocumentSession.Analysis analysis) {
        Display display = PlatformUI.getWorkbench().getDisplay();
        if (!display.isDisposed()) {
            display.asyncExec(() -> show(analysis));
        }
    }

    /** UI thread: colours, outline and folding of an analysis that still matches the text. */
    private void show(YangDocumentSession.Analysis analysis) {
        ISourceViewer viewer = getSourceViewer();
        YangDocumentSession s = session;
        if (viewer == null || viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed() || s == null
                || analysis.version() != s.version()) {
            return; // the text changed since: the next analysis is on its way
        }
        shown = analysis;
        highlighting.setHighlights(SemanticHighlighting.Highlights.of(analysis.document(), analysis.tokens()));
        viewer.invalidateTextPresentation();
        if (outline != null) {
            outline.setSymbols(analysis.outline());
        }
        updateFolding(analysis.folding());
        analysisListeners.forEach(l -> l.accept(analysis));
    }

    private void updateFolding(List<FoldingRange> ranges) {
        ProjectionViewer viewer = (ProjectionViewer) getSourceViewer();
        ProjectionAnnotationModel model = viewer.getProjectionAnnotationModel();
        if (model == null) {
            return;
        }
        IDocument doc = viewer.getDocument();
        Map<Position, ProjectionAnnotation> wanted = new HashMap<>();
        for (FoldingRange r : ranges) {
            try {
                if (r.endLine() <= r.startLine() || r.endLine() >= doc.getNumberOfLines()) {
                    continue;
                }
                int start = doc.getLineOffset(r.startLine());
                int end = doc.getLineOffset(r.endLine()) + doc.getLineLength(r.endLine());
                wanted.put(new Position(start, end - start), null);
            } catch (BadLocationException e) {
                // the range belongs to another version of the text: the next analysis brings the right one
            }
        }
        Map<ProjectionAnnotation, Position> additions = new HashMap<>();
        List<Annotation> deletions = new java.util.ArrayList<>();
        for (Map.Entry<Position, ProjectionAnnotation> e : folds.entrySet()) {
            if (!wanted.containsKey(e.getKey())) {
                deletions.add(e.getValue());
            }
        }
        folds.keySet().retainAll(wanted.keySet());
        for (Position p : wanted.keySet()) {
            if (!folds.containsKey(p)) {
                ProjectionAnnotation a = new ProjectionAnnotation();
                folds.put(p, a);
                additions.put(a, p);
            }
        }
        model.modifyAnnotations(deletions.toArray(Annotation[]::new), additions, null);
    }

    /** The folding regions now shown (offset and length in the document). */
    public List<Position> foldingPositions() {
        return List.copyOf(folds.keySet());
    }

    /** Formats the whole document with the core's formatter ({@code indent} spaces per level); false if it refused. */
    public boolean format(int indent) {
        YangDocumentSession s = session;
        if (s == null) {
            return false;
        }
        List<TextEdit> edits = s.host().call(() -> s.host().service().format(s.uri(), indent), List.of(), 10_000);
        if (edits.isEmpty()) {
            return false;
        }
        IRewriteTarget target = getAdapter(IRewriteTarget.class);
        if (target != null) {
            target.beginCompoundChange();
        }
        try {
            WorkspaceEdits.apply(s.document(), edits);
        } finally {
            if (target != null) {
                target.endCompoundChange();
            }
        }
        return true;
    }

    /** The span rename would change at {@code offset}; throws the core's refusal with its reason. */
    public Span prepareRename(int offset) {
        YangDocumentSession s = session;
        return s.host().callOrThrow(() -> s.host().service().prepareRename(s.uri(), offset), 10_000);
    }

    /** Renames the symbol at {@code offset} everywhere; throws the core's refusal with its reason. */
    public void rename(int offset, String newName) throws CoreException {
        YangDocumentSession s = session;
        WorkspaceEdit edit = s.host().callOrThrow(() -> s.host().service().rename(s.uri(), offset, newName), 30_000);
        WorkspaceEdits.apply(edit);
    }

    /** Opens a definition: its workspace file (or the file on disk) in an editor, with the name selected. */
    public static IEditorPart openLocation(Location target) {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        try {
            IFile file = WorkspaceEdits.fileOf(target.uri());
            IEditorPart part;
            if (file != null) {
                part = IDE.openEditor(page, file, true);
            } else if ("file".equals(target.uri().getScheme())) {
                part = IDE.openEditorOnFileStore(page, EFS.getStore(target.uri()));
            } else {
                return null; // inside an archive on the search path: no editor input for it yet
            }
            if (part instanceof ITextEditor text) {
                text.selectAndReveal(target.span().start(), target.span().length());
            }
            return part;
        } catch (PartInitException e) {
            YangEditorPlugin.log("cannot open " + target.uri(), e);
            return null;
        } catch (CoreException e) {
            YangEditorPlugin.log("cannot open " + target.uri(), e);
            return null;
        }
    }
}
