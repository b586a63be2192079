package dev.homeport.browser.ui;

import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.DeviceConnection;
import dev.homeport.browser.core.DeviceConnection.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerEditor;
import org.eclipse.jface.viewers.ColumnViewerEditorActivationStrategy;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.viewers.TreeViewerEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer;

/**
 * A datastore of the selected device (running, candidate, operational) as a tree of its instance data, with values.
 * A leaf's value is edited in place (double-click, or select and press F2): the engine checks it against the schema,
 * then it goes to the device (candidate and commit, or running). Errors stay on the status line in red, with the
 * device's rpc-error, and the tree keeps showing what the device has.
 */
public final class DataPanel extends Composite {
    /** A node of the tree and the nodes above it (from the top-level node down to its parent). */
    public record Item(List<NormalizedNode> ancestors, NormalizedNode node) {
        public String name() {
            if (node instanceof MapEntryNode entry) {
                NodeIdentifierWithPredicates id = entry.name();
                return id.getNodeType().getLocalName() + " [" + id.entrySet().stream()
                        .map(e -> e.getKey().getLocalName() + "=" + e.getValue()).collect(Collectors.joining(", "))
                        + "]";
            }
            if (node instanceof ChoiceNode) {
                return "(" + node.name().getNodeType().getLocalName() + ")";
            }
            return node.name().getNodeType().getLocalName();
        }

        public String value() {
            return node instanceof LeafNode<?> l ? String.valueOf(l.body())
                    : node instanceof LeafSetEntryNode<?> e ? String.valueOf(e.body()) : "";
        }

        /** The same place in the data after a re-read (the nodes themselves are new). */
        String key() {
            return ancestors.stream().map(n -> n.name().toString()).collect(Collectors.joining("/")) + "/"
                    + node.name();
        }

        List<Item> children() {
            Collection<? extends NormalizedNode> kids = node instanceof NormalizedNodeContainer<?> c ? c.body()
                    : List.of();
            List<NormalizedNode> path = new ArrayList<>(ancestors);
            path.add(node);
            return kids.stream().map(k -> new Item(List.copyOf(path), k)).toList();
        }
    }

    private final DeviceBrowser browser;
    private final Combo store;
    private final Button read;
    private final TreeViewer tree;
    private final Label status;
    private final Consumer<Optional<DeviceConnection>> onSelection;
    private DeviceConnection connection;
    private List<Store> stores = List.of();

    public DataPanel(Composite parent, DeviceBrowser browser) {
        super(parent, SWT.NONE);
        this.browser = browser;
        setLayout(new GridLayout(1, false));
        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayout(new GridLayout(3, false));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        new Label(bar, SWT.NONE).setText("Datastore");
        store = new Combo(bar, SWT.READ_ONLY);
        // sized for the longest name: it is laid out before the device's datastores are known
        GridDataFactory.swtDefaults().hint(140, SWT.DEFAULT).applyTo(store);
        store.addListener(SWT.Selection, e -> reload());
        read = new Button(bar, SWT.PUSH);
        read.setText("Read");
        read.addListener(SWT.Selection, e -> reload());

        tree = new TreeViewer(this, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        tree.getTree().setHeaderVisible(true);
        tree.getTree().setLinesVisible(true);
        tree.setContentProvider(new DataContent());
        tree.setComparer(new org.eclipse.jface.viewers.IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return a instanceof Item x && b instanceof Item y ? x.key().equals(y.key()) : a == b;
            }

            @Override
            public int hashCode(Object element) {
                return element instanceof Item i ? i.key().hashCode() : System.identityHashCode(element);
            }
        });
        TreeViewerColumn name = column("Name", 280, Item::name);
        TreeViewerColumn value = column("Value", 260, Item::value);
        name.getColumn().setToolTipText("Instance data of the device, from the chosen datastore");
        value.setEditingSupport(new LeafEditing());
        TreeViewerEditor.create(tree, new ColumnViewerEditorActivationStrategy(tree) {
            @Override
            protected boolean isEditorActivationEvent(
                    org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent event) {
                return event.eventType == org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent.TRAVERSAL
                        || event.eventType
                        == org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent.MOUSE_DOUBLE_CLICK_SELECTION
                        || event.eventType == org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent.PROGRAMMATIC
                        || (event.eventType == org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent.KEY_PRESSED
                        && event.keyCode == SWT.F2);
            }
        }, ColumnViewerEditor.KEYBOARD_ACTIVATION);
        GridDataFactory.fillDefaults().grab(true, true).hint(500, 200).applyTo(tree.getControl());

        status = new Label(this, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        onSelection = c -> Ui.onUi(this, () -> show(c));
        browser.addSelectionListener(onSelection);
        addDisposeListener(e -> browser.removeSelectionListener(onSelection));
        show(browser.selected());
    }

    private TreeViewerColumn column(String title, int width, java.util.function.Function<Item, String> text) {
        TreeViewerColumn c = new TreeViewerColumn(tree, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Item) element);
            }
        });
        return c;
    }

    private void show(Optional<DeviceConnection> c) {
        if (c.orElse(null) == connection && connection != null) {
            return;
        }
        connection = c.orElse(null);
        tree.setInput(null);
        store.removeAll();
        stores = connection == null ? List.of() : connection.stores();
        stores.forEach(s -> store.add(s.label()));
        store.setEnabled(connection != null);
        read.setEnabled(connection != null);
        if (connection == null) {
            Ui.status(status, "Select a connected device", false);
            return;
        }
        store.select(0);
        store.getParent().layout(true);
        reload();
    }

    private Store currentStore() {
        int i = store.getSelectionIndex();
        return i < 0 ? Store.RUNNING : stores.get(i);
    }

    /** Reads the chosen datastore from the device again. */
    public void reload() {
        reload(null);
    }

    /** Reads again; {@code done} (what was just done) stays on the status line with the outcome of the read. */
    private void reload(String done) {
        DeviceConnection c = connection;
        if (c == null) {
            return;
        }
        Store s = currentStore();
        Ui.status(status, (done == null ? "" : done + "; ") + "reading " + s.label() + "...", false);
        Ui.background(browser.io(), this, () -> c.read(s), data -> {
            if (c != connection || s != currentStore()) {
                return;
            }
            Object[] expanded = tree.getExpandedElements();
            tree.setInput(data);
            tree.setExpandedElements(expanded);
            Ui.status(status, (done == null ? "" : done + "; ") + s.label() + ": " + data.body().size()
                    + " top-level nodes", false);
        }, e -> Ui.status(status, (done == null ? "" : done + "; ") + "reading " + s.label() + " failed: "
                + Ui.message(e), true));
    }

    private void setLeaf(Item item, String value) {
        DeviceConnection c = connection;
        if (c == null || !(item.node() instanceof LeafNode<?> leaf) || value.equals(item.value())) {
            return;
        }
        Ui.status(status, "Sending " + item.name() + " = " + value + "...", false);
        Ui.background(browser.io(), this, () -> c.setLeaf(item.ancestors(), leaf, value), done -> {
            Ui.status(status, done, false);
            reload(done);
        }, e -> Ui.status(status, "Edit of " + item.name() + " failed: " + Ui.message(e), true));
    }

    private final class LeafEditing extends EditingSupport {
        private final TextCellEditor editor = new TextCellEditor(tree.getTree());

        LeafEditing() {
            super(tree);
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            return editor;
        }

        @Override
        protected boolean canEdit(Object element) {
            Item item = (Item) element;
            return item.node() instanceof LeafNode<?> && currentStore() != Store.OPERATIONAL
                    && !isListKey(item);
        }

        @Override
        protected Object getValue(Object element) {
            return ((Item) element).value();
        }

        @Override
        protected void setValue(Object element, Object value) {
            setLeaf((Item) element, String.valueOf(value));
        }
    }

    private static boolean isListKey(Item item) {
        return !item.ancestors().isEmpty()
                && item.ancestors().get(item.ancestors().size() - 1) instanceof MapEntryNode entry
                && entry.name().keySet().contains(item.node().name().getNodeType());
    }

    private static final class DataContent implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            // the data root has no element of its own in an edit: top-level nodes have no ancestors
            return input instanceof ContainerNode root
                    ? root.body().stream().map(n -> new Item(List.of(), n)).toArray() : new Object[0];
        }

        @Override
        public Object[] getChildren(Object parent) {
            return ((Item) parent).children().toArray();
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return ((Item) element).node() instanceof DataContainerNode
                    || ((Item) element).node() instanceof NormalizedNodeContainer<?>;
        }
    }

    // for UI tests
    public TreeViewer tree() {
        return tree;
    }

    public Combo storeCombo() {
        return store;
    }

    public Label statusLine() {
        return status;
    }
}
