package dev.homeport.yang.editor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.homeport.yang.editor.ProblemMarkers;
import dev.homeport.yang.editor.SchemaTreeView;
import dev.homeport.yang.editor.SemanticHighlighting;
import dev.homeport.yang.editor.YangEditor;
import dev.homeport.yang.editor.YangEditorPlugin;
import dev.homeport.yang.editor.YangHyperlinkDetector;
import dev.homeport.yang.editor.YangOutlinePage;
import dev.homeport.yang.editor.YangPreferences;
import dev.homeport.yang.editor.YangQuickAssistProcessor;
import dev.homeport.yang.editor.YangSourceViewerConfiguration;
import dev.homeport.yang.ide.CodeAction;
import dev.homeport.yang.ide.OutlineSymbol;
import dev.homeport.yang.ide.SemanticToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewerExtension5;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The YANG editor in a real Eclipse IDE workbench (Tycho's UI harness, on a private Xvfb display): ietf-interfaces
 * and the ietf-yang-types it imports, copied from the shared corpus into a workspace project, opened in the editor,
 * edited as a user would (through the document), and each feature checked as the user meets it. Screenshots go to
 * {@code target/screenshots}.
 */
class YangEditorUiTest {
    private static final long TIMEOUT_MILLIS = 90_000;
    private static final String INTERFACES = "ietf-interfaces@2018-02-20.yang";
    private static final String YANG_TYPES = "ietf-yang-types@2013-07-15.yang";
    private static Path corpus;
    private static IProject project;
    private IFile interfaces;
    private YangEditor editor;

    @BeforeAll
    static void workspace() throws CoreException {
        corpus = findCorpus();
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("yang-it");
        if (!project.exists()) {
            project.create(null);
        }
        project.open(null);
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setBounds(0, 0, 1400, 1000);
    }

    @BeforeEach
    void openModule() throws Exception {
        YangEditorPlugin.plugin().getPreferenceStore().setValue(YangPreferences.DIAGNOSTICS, "");
        YangEditorPlugin.plugin().getPreferenceStore().setValue(YangPreferences.PATH, "");
        copy(YANG_TYPES);
        interfaces = copy(INTERFACES);
        editor = (YangEditor) IDE.openEditor(page(), interfaces, YangEditor.ID, true);
        waitUntil("the first analysis", () -> editor.session().latest() != null);
    }

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
        spin(200);
    }

    @Test
    void seededErrorGetsAMarkerOnItsLineAndTheFixRemovesIt() throws Exception {
        IDocument doc = document();
        int offset = doc.get().indexOf("type yang:date-and-time;") + "type yang:".length();
        int line = doc.getLineOfOffset(offset) + 1;
        assertTrue(errorMarkers().isEmpty(), "the published module has no error: " + describe(errorMarkers()));

        doc.replace(offset, "date-and-time".length(), "date-and-tme");
        waitUntil("an error marker on line " + line, () -> errorMarkers().stream()
                .anyMatch(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) == line
                        && "unknown-type".equals(m.getAttribute(ProblemMarkers.CODE, ""))));
        IMarker marker = errorMarkers().get(0);
        assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("date-and-tme"), marker.getAttribute(IMarker.MESSAGE, ""));
        assertEquals(offset - "yang:".length(), marker.getAttribute(IMarker.CHAR_START, -1), "the marker covers the prefixed type name");
        waitUntil("the problem in the hover", () -> {
            String hover = configuration().getTextHover(editor.viewer(), IDocument.DEFAULT_CONTENT_TYPE)
                    .getHoverInfo(editor.viewer(), new Region(offset + 2, 0));
            return hover != null && hover.startsWith(marker.getAttribute(IMarker.MESSAGE, "?"));
        });
        org.eclipse.ui.IViewPart problems = page().showView(IPageLayout.ID_PROBLEM_VIEW);
        spin(1000);
        expandTrees(problems.getViewSite().getShell());
        editor.setFocus();
        editor.selectAndReveal(offset, 0);
        spin(2000);
        expandTrees(problems.getViewSite().getShell());
        spin(500);
        screenshot("editor-marker");

        // the severity setting (homeport.yang.diagnostics) turns it into a warning, as in VS Code
        YangEditorPlugin.plugin().getPreferenceStore().setValue(YangPreferences.DIAGNOSTICS, "unknown-type=warning");
        waitUntil("the marker as a warning", () -> errorMarkers().isEmpty() && markers().stream()
                .anyMatch(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_WARNING
                        && m.getAttribute(IMarker.LINE_NUMBER, -1) == line));

        doc.replace(offset, "date-and-tme".length(), "date-and-time");
        waitUntil("no marker on line " + line, () -> markers().stream()
                .noneMatch(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) == line));
    }

    @Test
    void searchPathPreferenceResolvesAnImportOutsideTheWorkspace() throws Exception {
        Path outside = Files.createTempDirectory("yang-path");
        Files.copy(corpus.resolve("ietf").resolve(YANG_TYPES), outside.resolve(YANG_TYPES));
        project.getFile(YANG_TYPES).delete(true, null);
        waitUntil("the unresolved import", () -> errorMarkers().stream()
                .anyMatch(m -> "unresolved-import".equals(m.getAttribute(ProblemMarkers.CODE, ""))));

        YangEditorPlugin.plugin().getPreferenceStore().setValue(YangPreferences.PATH, outside.toString());
        waitUntil("the import resolved through homeport.yang.path", () -> errorMarkers().isEmpty());
        int offset = document().get().indexOf("type yang:date-and-time;") + "type yang:date".length();
        IHyperlink[] links = configuration().getHyperlinkDetectors(editor.viewer())[0]
                .detectHyperlinks(editor.viewer(), new Region(offset, 0), false);
        assertNotNull(links);
        assertEquals(outside.resolve(YANG_TYPES).toRealPath().toUri().getPath(),
                Path.of(((YangHyperlinkDetector.DefinitionLink) links[0]).target().uri()).toRealPath().toUri().getPath());
    }

    @Test
    void badSeveritySettingsAreRefusedWithTheReason() {
        IllegalArgumentException unknownCode = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> YangPreferences.diagnosticSettings("unknown-type=warning\nno-such-code=off"));
        assertTrue(unknownCode.getMessage().contains("no-such-code"), unknownCode.getMessage());
        IllegalArgumentException badLevel = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> YangPreferences.diagnosticSettings("unknown-type=loud"));
        assertTrue(badLevel.getMessage().contains("loud"), badLevel.getMessage());
        assertThrowsNotCodeEqualsLevel("unknown-type warning");
        assertEquals(List.of("/a", "~/b"), YangPreferences.pathEntries(" /a \n\n~/b\n"));
    }

    private static void assertThrowsNotCodeEqualsLevel(String line) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> YangPreferences.diagnosticSettings(line));
        assertTrue(e.getMessage().contains("code=level"), e.getMessage());
    }

    @Test
    void contentAssistOffersTheImportedTypedefsAndInsertsOne() throws Exception {
        IDocument doc = document();
        int lineStart = doc.get().indexOf("type yang:date-and-time;");
        int offset = lineStart + "type yang:".length();
        doc.replace(offset, "date-and-time".length(), "co");
        int cursor = offset + 2;
        ICompletionProposal[] proposals = configuration().completionProcessor().computeCompletionProposals(editor.viewer(), cursor);
        List<String> labels = Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("yang:counter32 ")), labels.toString());
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("yang:counter64 ")), labels.toString());
        assertFalse(labels.stream().anyMatch(l -> l.contains("date-and-time")), "filtered by the typed 'co': " + labels);

        editor.selectAndReveal(cursor, 0);
        editor.viewer().getTextOperationTarget().doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
        spin(1500);
        screenshot("editor-content-assist");

        ICompletionProposal counter64 = Arrays.stream(proposals).filter(p -> p.getDisplayString().startsWith("yang:counter64 "))
                .findFirst().orElseThrow();
        counter64.apply(doc);
        assertEquals("type yang:counter64;", doc.get(lineStart, "type yang:counter64;".length()));
    }

    @Test
    void keywordSnippetIsInsertedWithItsFirstPlaceholderSelected() throws Exception {
        IDocument doc = document();
        int container = doc.get().indexOf("container interfaces {");
        int lineEnd = doc.getLineOffset(doc.getLineOfOffset(container) + 1);
        doc.replace(lineEnd, 0, "    le\n");
        int cursor = lineEnd + "    le".length();
        ICompletionProposal leaf = Arrays.stream(configuration().completionProcessor().computeCompletionProposals(editor.viewer(), cursor))
                .filter(p -> p.getDisplayString().startsWith("leaf ") || p.getDisplayString().startsWith("leaf (")
                        || p.getDisplayString().equals("leaf"))
                .filter(p -> p.getDisplayString().contains("snippet"))
                .findFirst().orElseThrow(() -> new AssertionError("no leaf snippet"));
        leaf.apply(doc);
        String inserted = doc.get(lineEnd, doc.getLineOffset(doc.getLineOfOffset(lineEnd) + 3) - lineEnd);
        assertEquals("    leaf name {\n      type string;\n    }\n", inserted);
        org.eclipse.swt.graphics.Point selection = leaf.getSelection(doc);
        assertEquals("name", doc.get(selection.x, selection.y));
    }

    @Test
    void hoverDescribesTheTypedefFromItsModule() throws Exception {
        int offset = document().get().indexOf("type yang:date-and-time;") + "type yang:date".length();
        String hover = configuration().getTextHover(editor.viewer(), IDocument.DEFAULT_CONTENT_TYPE)
                .getHoverInfo(editor.viewer(), new Region(offset, 0));
        assertNotNull(hover);
        assertTrue(hover.contains("date-and-time"), hover);
        assertTrue(hover.contains("ISO 8601"), "the typedef's description: " + hover);
        assertFalse(hover.contains("```"), "no Markdown fences in a plain-text hover: " + hover);
    }

    @Test
    void hyperlinkOpensTheDefinitionInTheImportedModule() throws Exception {
        IDocument doc = document();
        int offset = doc.get().indexOf("type yang:date-and-time;") + "type yang:date".length();
        IHyperlink[] links = configuration().getHyperlinkDetectors(editor.viewer())[0]
                .detectHyperlinks(editor.viewer(), new Region(offset, 0), false);
        assertNotNull(links, "a link on date-and-time");
        YangHyperlinkDetector.DefinitionLink link = (YangHyperlinkDetector.DefinitionLink) links[0];
        assertTrue(link.target().uri().getPath().endsWith(YANG_TYPES), link.target().uri().toString());
        assertEquals("date-and-time", doc.get(link.getHyperlinkRegion().getOffset(), link.getHyperlinkRegion().getLength()));

        link.open();
        spin(500);
        IEditorPart active = page().getActiveEditor();
        assertTrue(active instanceof YangEditor, String.valueOf(active));
        YangEditor target = (YangEditor) active;
        assertEquals(project.getFile(YANG_TYPES), target.getEditorInput().getAdapter(IFile.class));
        ITextSelection selection = (ITextSelection) target.getSelectionProvider().getSelection();
        assertEquals("date-and-time", selection.getText());
        IDocument targetDoc = target.getDocumentProvider().getDocument(target.getEditorInput());
        assertTrue(targetDoc.get(targetDoc.getLineOffset(selection.getStartLine()), targetDoc.getLineLength(selection.getStartLine()))
                .contains("typedef date-and-time"));
        waitUntil("the opened module's own analysis", () -> target.session().latest() != null
                && target.highlighting().highlights().typeAt(selection.getOffset()) != null);
        spin(500);
        screenshot("editor-hyperlink-target");
    }

    @Test
    void outlineShowsTheModulesSymbols() throws Exception {
        page().showView(IPageLayout.ID_OUTLINE);
        editor.setFocus();
        ContentOutline outlineView = (ContentOutline) page().findView(IPageLayout.ID_OUTLINE);
        assertNotNull(outlineView);
        waitUntil("the outline", () -> editor.outlinePage() != null && !editor.outlinePage().symbols().isEmpty());
        List<OutlineSymbol> top = editor.outlinePage().symbols();
        assertEquals("ietf-interfaces", top.get(0).name());
        List<String> children = top.get(0).children().stream().map(OutlineSymbol::name).toList();
        assertTrue(children.containsAll(List.of("interface-ref", "interfaces", "interfaces-state")), children.toString());
        Tree tree = (Tree) editor.outlinePage().getControl();
        waitUntil("the outline tree", () -> tree.getItemCount() > 0 && tree.getItem(0).getItemCount() > 0);
        List<String> shown = new ArrayList<>();
        for (TreeItem item : tree.getItem(0).getItems()) {
            shown.add(item.getText());
        }
        assertTrue(shown.stream().anyMatch(s -> s.startsWith("interfaces")), shown.toString());
        screenshot("editor-outline");
    }

    @Test
    void quickFixAddsTheMissingImport() throws Exception {
        IDocument doc = document();
        Matcher imp = Pattern.compile("  import ietf-yang-types \\{[^}]*}\\n").matcher(doc.get());
        assertTrue(imp.find());
        doc.replace(imp.start(), imp.end() - imp.start(), "");
        int offset = doc.get().indexOf("type yang:date-and-time;") + "type ya".length();
        waitUntil("an unknown-prefix marker", () -> errorMarkers().stream()
                .anyMatch(m -> "unknown-prefix".equals(m.getAttribute(ProblemMarkers.CODE, ""))));

        IMarker unknownPrefix = errorMarkers().stream()
                .filter(m -> "unknown-prefix".equals(m.getAttribute(ProblemMarkers.CODE, ""))).findFirst().orElseThrow();
        List<String> fromProblemsView = Arrays.stream(IDE.getMarkerHelpRegistry().getResolutions(unknownPrefix))
                .map(org.eclipse.ui.IMarkerResolution::getLabel).toList();
        assertTrue(fromProblemsView.stream().anyMatch(l -> l.contains("ietf-yang-types")),
                "the fix is offered in the Problems view too: " + fromProblemsView);

        YangQuickAssistProcessor quickFixes = configuration().quickAssistProcessor();
        List<CodeAction> actions = quickFixes.codeActions(offset);
        CodeAction importYangTypes = actions.stream().filter(a -> a.title().contains("ietf-yang-types")).findFirst()
                .orElseThrow(() -> new AssertionError("no import fix among " + actions));
        new QuickFix(importYangTypes, quickFixes, offset).apply(doc);
        assertTrue(doc.get().contains("import ietf-yang-types"), "the import is back");
        waitUntil("no unknown-prefix marker", () -> markers().stream()
                .noneMatch(m -> "unknown-prefix".equals(m.getAttribute(ProblemMarkers.CODE, ""))));
    }

    /** Applies a fix the way the quick-assist popup does: through its proposal. */
    private record QuickFix(CodeAction action, YangQuickAssistProcessor processor, int offset) {
        void apply(IDocument doc) {
            ICompletionProposal proposal = Arrays.stream(processor.computeQuickAssistProposals(
                    new org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext() {
                        @Override
                        public int getOffset() {
                            return offset;
                        }

                        @Override
                        public int getLength() {
                            return 0;
                        }

                        @Override
                        public ISourceViewer getSourceViewer() {
                            return null;
                        }
                    })).filter(p -> p.getDisplayString().equals(action.title())).findFirst().orElseThrow();
            proposal.apply(doc);
        }
    }

    @Test
    void formatRestoresTheIndentation() throws Exception {
        IDocument doc = document();
        int namespace = doc.get().indexOf("  namespace \"urn:ietf:params:xml:ns:yang:ietf-interfaces\";");
        doc.replace(namespace, 2, "       ");
        int container = doc.get().indexOf("  container interfaces {");
        doc.replace(container, 0, "\t");
        assertTrue(editor.format(2), "the formatter made changes");
        String text = doc.get();
        assertTrue(text.contains("\n  namespace \"urn:ietf:params:xml:ns:yang:ietf-interfaces\";\n"), "namespace indented one level");
        assertTrue(text.contains("\n  container interfaces {\n"), "container indented one level");
        assertFalse(text.contains("\t  container"), "the tab is gone");
    }

    @Test
    void renameChangesTheTypedefAndItsUses() throws Exception {
        IDocument doc = document();
        long uses = count(doc.get(), "type interface-ref;");
        assertTrue(uses >= 2, "ietf-interfaces uses its typedef");
        int offset = doc.get().indexOf("typedef interface-ref") + "typedef inter".length();
        assertEquals("interface-ref", editor.prepareRename(offset).textIn(doc.get()));
        editor.rename(offset, "if-ref");
        assertEquals(uses, count(doc.get(), "type if-ref;"));
        assertEquals(0, count(doc.get(), "type interface-ref;"));
        assertTrue(doc.get().contains("typedef if-ref {"));
    }

    @Test
    void semanticColouringFoldingAndSchemaTree() throws Exception {
        IDocument doc = document();
        int keyword = doc.get().indexOf("container interfaces {");
        waitUntil("semantic tokens", () -> editor.session().latest() != null && !editor.session().latest().tokens().isEmpty());
        waitUntil("colours", () -> styleAt(keyword) != null && styleAt(keyword).foreground != null);
        assertEquals(SemanticToken.Type.KEYWORD, editorHighlightType(keyword));
        assertEquals(SemanticHighlighting.STYLES.get(SemanticToken.Type.KEYWORD).getForeground().getRGB(),
                styleAt(keyword).foreground.getRGB());

        int containerLine = doc.getLineOfOffset(keyword);
        waitUntil("folding", () -> !editor.foldingPositions().isEmpty());
        List<Position> folds = editor.foldingPositions();
        assertTrue(folds.stream().anyMatch(p -> lineOf(doc, p.getOffset()) == containerLine), folds.toString());

        SchemaTreeView view = (SchemaTreeView) page().showView(SchemaTreeView.ID);
        editor.setFocus();
        waitUntil("the tree diagram", () -> view.diagram().startsWith("module: ietf-interfaces"));
        assertTrue(view.diagram().contains("+--rw interfaces"), view.diagram());
        assertTrue(view.diagram().contains("+--rw name"), view.diagram());
        screenshot("editor-schema-tree");
    }

    // ------------------------------------------------------------------ helpers

    private SemanticToken.Type editorHighlightType(int offset) {
        return editor.highlighting().highlights().typeAt(offset);
    }

    private StyleRange styleAt(int offset) {
        ISourceViewer viewer = editor.viewer();
        int widgetOffset = viewer instanceof ITextViewerExtension5 ext ? ext.modelOffset2WidgetOffset(offset) : offset;
        return widgetOffset < 0 ? null : viewer.getTextWidget().getStyleRangeAtOffset(widgetOffset);
    }

    /** Expands every tree in the view (the Problems view groups its markers under collapsed severities). */
    private static void expandTrees(Shell shell) {
        java.util.ArrayDeque<org.eclipse.swt.widgets.Control> todo = new java.util.ArrayDeque<>(List.of(shell));
        while (!todo.isEmpty()) {
            org.eclipse.swt.widgets.Control c = todo.pop();
            if (c instanceof Tree tree && c.isVisible()) {
                for (TreeItem item : tree.getItems()) {
                    org.eclipse.swt.widgets.Event expand = new org.eclipse.swt.widgets.Event();
                    expand.item = item;
                    tree.notifyListeners(SWT.Expand, expand); // lets the viewer create the children first
                    item.setExpanded(true);
                }
            }
            if (c instanceof org.eclipse.swt.widgets.Composite composite) {
                todo.addAll(Arrays.asList(composite.getChildren()));
            }
        }
    }

    private static int lineOf(IDocument doc, int offset) {
        try {
            return doc.getLineOfOffset(offset);
        } catch (BadLocationException e) {
            return -1;
        }
    }

    private static long count(String text, String what) {
        return Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }

    private YangSourceViewerConfiguration configuration() {
        return editor.configuration();
    }

    private IDocument document() {
        return editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    private List<IMarker> markers() {
        try {
            return Arrays.asList(interfaces.findMarkers(ProblemMarkers.TYPE, false, IResource.DEPTH_ZERO));
        } catch (CoreException e) {
            throw new AssertionError(e);
        }
    }

    private List<IMarker> errorMarkers() {
        return markers().stream().filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR).toList();
    }

    private static String describe(List<IMarker> markers) {
        return markers.stream().map(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) + ": " + m.getAttribute(IMarker.MESSAGE, ""))
                .toList().toString();
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static IFile copy(String name) throws IOException, CoreException {
        byte[] bytes = Files.readAllBytes(corpus.resolve("ietf").resolve(name));
        IFile file = project.getFile(name);
        if (file.exists()) {
            file.setContents(new ByteArrayInputStream(bytes), IResource.FORCE, null);
        } else {
            file.create(new ByteArrayInputStream(bytes), IResource.FORCE, null);
        }
        return file;
    }

    /** ../shared/corpus beside the repository (or beside a parent of it, for git worktrees). */
    private static Path findCorpus() {
        String env = System.getenv("HOMEPORT_SHARED"); // a clone away from shared/ (see the README)
        if (env != null && !env.isBlank()) {
            return Path.of(env, "corpus");
        }
        for (Path p = Path.of(System.getProperty("homeport.repo", ".")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("corpus");
            if (Files.isDirectory(candidate.resolve("ietf"))) {
                return candidate;
            }
        }
        return fail("no shared/corpus above " + System.getProperty("homeport.repo"));
    }

    /** Runs the event loop until {@code condition} holds (analyses run off the UI thread and post back to it). */
    private static void waitUntil(String what, BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    private static void spin(long millis) {
        long end = System.currentTimeMillis() + millis;
        waitUntil("", () -> System.currentTimeMillis() > end);
    }

    private static void screenshot(String name) throws IOException {
        Display display = Display.getCurrent();
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        spin(300);
        Path dir = Path.of(System.getProperty("homeport.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Rectangle r = shell.getBounds();
        Image image = new Image(display, r.width, r.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, r.x, r.y);
            ImageLoader png = new ImageLoader();
            png.data = new ImageData[] {image.getImageData()};
            png.save(dir.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
