package dev.homeport.yang.editor;

import dev.homeport.yang.ide.OutlineSymbol;
import java.util.List;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

/** The Outline view of a YANG editor: the core's document symbols (module down to leaves); selecting one reveals it. */
public final class YangOutlinePage extends ContentOutlinePage {
    private final YangEditor editor;
    private List<OutlineSymbol> symbols = List.of();

    YangOutlinePage(YangEditor editor) {
        this.editor = editor;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object parentElement) {
                return ((OutlineSymbol) parentElement).children().toArray();
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return !((OutlineSymbol) element).children().isEmpty();
            }
        });
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return label((OutlineSymbol) element);
            }
        });
        viewer.setAutoExpandLevel(2);
        viewer.setInput(symbols);
    }

    /** What a symbol shows: its name and, when there is one, its detail (a type, a keyword). */
    public static String label(OutlineSymbol s) {
        return s.detail() == null || s.detail().isBlank() ? s.name() : s.name() + " : " + s.detail();
    }

    /** UI thread. */
    void setSymbols(List<OutlineSymbol> next) {
        symbols = next;
        TreeViewer viewer = getTreeViewer();
        if (viewer != null && !viewer.getControl().isDisposed()) {
            Object[] expanded = viewer.getExpandedElements();
            viewer.setInput(next);
            if (expanded.length > 0) {
                viewer.expandToLevel(2);
            }
        }
    }

    public List<OutlineSymbol> symbols() {
        return symbols;
    }

    @Override
    public void selectionChanged(SelectionChangedEvent event) {
        super.selectionChanged(event);
        if (event.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof OutlineSymbol symbol) {
            editor.selectAndReveal(symbol.selectionSpan().start(), symbol.selectionSpan().length());
        }
    }
}
