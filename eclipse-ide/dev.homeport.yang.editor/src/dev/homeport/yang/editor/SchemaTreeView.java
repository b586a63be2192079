package dev.homeport.yang.editor;

import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;

/**
 * "Schema Tree": the core's RFC 8340 tree diagram of the module in the active YANG editor, refreshed after each
 * analysis of that editor.
 */
public final class SchemaTreeView extends ViewPart {
    public static final String ID = "dev.homeport.yang.editor.schemaTree";
    private Text text;
    private YangEditor editor;
    private final Consumer<YangDocumentSession.Analysis> refresh = a -> refresh();
    private final IPartListener2 partListener = new IPartListener2() {
        @Override
        public void partActivated(IWorkbenchPartReference ref) {
            if (ref.getPart(false) instanceof YangEditor e) {
                follow(e);
            }
        }

        @Override
        public void partClosed(IWorkbenchPartReference ref) {
            if (ref.getPart(false) == editor) {
                follow(null);
            }
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        text = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.H_SCROLL | SWT.V_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        getSite().getPage().addPartListener(partListener);
        IEditorPart active = getSite().getPage().getActiveEditor();
        follow(active instanceof YangEditor e ? e : null);
    }

    private void follow(YangEditor next) {
        if (editor != null) {
            editor.removeAnalysisListener(refresh);
        }
        editor = next;
        if (editor != null) {
            editor.addAnalysisListener(refresh);
        }
        refresh();
    }

    /** The diagram shown now. */
    public String diagram() {
        return text.getText();
    }

    void refresh() {
        if (text == null || text.isDisposed()) {
            return;
        }
        YangDocumentSession s = editor == null ? null : editor.session();
        if (s == null) {
            text.setText("Open a YANG module to see its schema tree.");
            return;
        }
        Optional<String> tree = s.host().call(() -> s.host().service().treeDiagram(s.uri()), Optional.empty(), 10_000);
        text.setText(tree.orElse("No tree: " + s.uri().getPath() + " is not a module (or cannot be read)."));
    }

    @Override
    public void setFocus() {
        text.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePartListener(partListener);
        if (editor != null) {
            editor.removeAnalysisListener(refresh);
        }
        super.dispose();
    }
}
