package dev.homeport.browser.ui;

import dev.homeport.browser.core.DataNodes;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.DeviceConnection;
import dev.homeport.browser.core.DeviceConnection.Store;
import dev.homeport.browser.core.StagedEdits;
import dev.homeport.netconf.message.Notification;
import dev.homeport.netconf.ops.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.CheckboxCellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerEditor;
import org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent;
import org.eclipse.jface.viewers.ColumnViewerEditorActivationStrategy;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.ILazyTreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeViewerListener;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.viewers.TreeExpansionEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.viewers.TreeViewerEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * A datastore of the selected device (running, candidate, startup, operational: those it has) as a lazily built tree
 * of its instance data, with columns Name, Value, Type and Config, and a filter (XPath or subtree) that goes to the
 * device with the read. Tree items exist only for the rows on screen (SWT.VIRTUAL with a lazy content provider),
 * so a list of 100,000 entries costs no 100,000 items.
 *
 * <p>Editing is driven by the schema: enumerations and identities in a drop-down, booleans as a checkbox, leafrefs
 * with the values found in the data, anything else as text; list entries and presence containers are added (a key
 * dialog) and deleted. Edits are staged ({@link StagedEdits}, shown in the Pending changes view), not sent: the
 * engine checks each one against the schema first, and a refused one is shown in red with its path. Staged values
 * show in blue. The tree is read again after each commit and when another session changes the configuration
 * (RFC 6470 netconf-config-change).
 */
public final class DataPanel extends Composite {
    /** A node of the tree with the nodes above it (top-level node first); children are made when asked for. */
    public static final class Item {
        private final Item parent;
        private final List<NormalizedNode> ancestors;
        private final NormalizedNode node;
        private final String key;
        private Item[] children;

        Item(Item parent, List<NormalizedNode> ancestors, NormalizedNode node) {
            this.parent = parent;
            this.ancestors = ancestors;
            this.node = node;
            this.key = (parent == null ? "" : parent.key) + "/" + node.name();
        }

        public List<NormalizedNode> ancestors() {
            return ancestors;
        }

        public NormalizedNode node() {
            return node;
        }

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

        boolean hasChildren() {
            return node instanceof NormalizedNodeContainer<?> c && !c.body().isEmpty();
        }

        Item[] children() {
            if (children == null) {
                Collection<? extends NormalizedNode> kids = node instanceof NormalizedNodeContainer<?> c ? c.body()
                        : List.of();
                List<NormalizedNode> path = new ArrayList<>(ancestors);
                path.add(node);
                List<NormalizedNode> shared = List.copyOf(path);
                Item[] out = new Item[kids.size()];
                int i = 0;
                for (NormalizedNode k : kids) {
                    out[i++] = new Item(this, shared, k);
                }
                children = out;
            }
            return children;
        }
    }

    /** The tree's input: the datastore's top-level nodes. */
    private static final class Root {
        private final ContainerNode data;
        private final Item[] items;

        Root(ContainerNode data) {
            this.data = data;
            items = data.body().stream().map(n -> new Item(null, List.of(), n)).toArray(Item[]::new);
        }
    }

    private final DeviceBrowser browser;
    private final Combo store;
    private final Text filter;
    private final Button read;
    private final Button add;
    private final Button delete;
    private final TreeViewer tree;
    private final Label status;
    private final Consumer<Optional<DeviceConnection>> onSelection;
    private final Consumer<StagedEdits.Event> onStaged;
    private final Consumer<Notification> onNotification;
    private final Set<String> expanded = new HashSet<>();
    private final AtomicInteger materialized = new AtomicInteger();
    private DeviceConnection connection;
    private StagedEdits edits;
    private DataNodes nodes;
    private List<Store> stores = List.of();
    private AddDialog addDialog;
    private int reads;

    public DataPanel(Composite parent, DeviceBrowser browser) {
        super(parent, SWT.NONE);
        this.browser = browser;
        setLayout(new GridLayout(1, false));
        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayout(new GridLayout(5, false));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        new Label(bar, SWT.NONE).setText("Datastore");
        store = new Combo(bar, SWT.READ_ONLY);
        // sized for the longest name: it is laid out before the device's datastores are known
        GridDataFactory.swtDefaults().hint(120, SWT.DEFAULT).applyTo(store);
        store.addListener(SWT.Selection, e -> reload());
        read = new Button(bar, SWT.PUSH);
        read.setText("Read");
        read.addListener(SWT.Selection, e -> reload());
        add = new Button(bar, SWT.PUSH);
        add.setText("Add...");
        add.setToolTipText("Add a list entry (with its keys) or a presence container below the selected node");
        add.addListener(SWT.Selection, e -> openAddDialog());
        delete = new Button(bar, SWT.PUSH);
        delete.setText("Delete");
        delete.setToolTipText("Stage the deletion of the selected list entry, container or leaf");
        delete.addListener(SWT.Selection, e -> deleteSelected());
        // a row of its own: XPath expressions and subtree filters are long
        filter = new Text(bar, SWT.BORDER | SWT.SEARCH);
        filter.setMessage("Filter: XPath (/sys:system/sys:ntp) or subtree (<system xmlns=...>); Enter reads");
        filter.setToolTipText("Sent to the device as the filter of get-config or get; empty reads everything");
        GridDataFactory.fillDefaults().span(5, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(filter);
        filter.addListener(SWT.DefaultSelection, e -> reload());

        tree = new TreeViewer(this, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.VIRTUAL);
        tree.getTree().setHeaderVisible(true);
        tree.getTree().setLinesVisible(true);
        tree.setUseHashlookup(true);
        tree.setComparer(new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return a instanceof Item x && b instanceof Item y ? x.key.equals(y.key) : a == b;
            }

            @Override
            public int hashCode(Object element) {
                return element instanceof Item i ? i.key.hashCode() : System.identityHashCode(element);
            }
        });
        tree.setContentProvider(new LazyContent());
        TreeViewerColumn name = column("Name", 230, this::nameOf);
        TreeViewerColumn value = column("Value", 200, this::valueOf);
        column("Type", 150, this::typeOf);
        column("Config", 60, this::configOf);
        name.getColumn().setToolTipText("Instance data of the device, from the chosen datastore");
        value.getColumn().setToolTipText("Double-click (or F2) to edit; staged values are blue");
        value.setEditingSupport(new LeafEditing());
        TreeViewerEditor.create(tree, new ColumnViewerEditorActivationStrategy(tree) {
            @Override
            protected boolean isEditorActivationEvent(ColumnViewerEditorActivationEvent event) {
                return event.eventType == ColumnViewerEditorActivationEvent.TRAVERSAL
                        || event.eventType == ColumnViewerEditorActivationEvent.MOUSE_DOUBLE_CLICK_SELECTION
                        || event.eventType == ColumnViewerEditorActivationEvent.PROGRAMMATIC
                        || (event.eventType == ColumnViewerEditorActivationEvent.KEY_PRESSED
                        && event.keyCode == SWT.F2);
            }
        }, ColumnViewerEditor.KEYBOARD_ACTIVATION);
        tree.addTreeListener(new ITreeViewerListener() {
            @Override
            public void treeExpanded(TreeExpansionEvent e) {
                expanded.add(((Item) e.getElement()).key);
            }

            @Override
            public void treeCollapsed(TreeExpansionEvent e) {
                expanded.remove(((Item) e.getElement()).key);
            }
        });
        tree.addSelectionChangedListener(e -> updateButtons());
        GridDataFactory.fillDefaults().grab(true, true).hint(500, 200).applyTo(tree.getControl());

        status = new Label(this, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        onSelection = c -> Ui.onUi(this, () -> show(c));
        onStaged = e -> Ui.onUi(this, () -> {
            if (e == StagedEdits.Event.DEVICE_CHANGED) {
                reload(edits == null ? null : edits.lastOutcome());
            } else if (e == StagedEdits.Event.STAGED) {
                tree.refresh(true);
            }
        });
        onNotification = n -> {
            DeviceConnection c = connection;
            if (c != null && c.isConfigChangeByOthers(n)) {
                Ui.onUi(this, () -> {
                    if (c == connection) {
                        reload("configuration changed by another session (netconf-config-change)");
                    }
                });
            }
        };
        browser.addSelectionListener(onSelection);
        addDisposeListener(e -> {
            browser.removeSelectionListener(onSelection);
            detach();
        });
        show(browser.selected());
    }

    private TreeViewerColumn column(String title, int width, java.util.function.Function<Item, String> text) {
        TreeViewerColumn c = new TreeViewerColumn(tree, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof Item i ? text.apply(i) : "";
            }

            @Override
            public Color getForeground(Object element) {
                return element instanceof Item i && staged(i).isPresent()
                        ? getDisplay().getSystemColor(SWT.COLOR_BLUE) : null;
            }

            @Override
            public String getToolTipText(Object element) {
                return element instanceof Item i ? staged(i).map(e -> "staged " + e.operation().keyword()
                        + (e.oldValue().isEmpty() ? "" : ", was " + e.oldValue())).orElse(null) : null;
            }
        });
        return c;
    }

    // ------------------------------------------------------------------ columns

    private String nameOf(Item i) {
        return i.name();
    }

    private String valueOf(Item i) {
        Optional<StagedEdits.Edit> e = staged(i);
        if (e.isPresent()) {
            return e.get().operation() == dev.homeport.netconf.ops.EditConfig.Operation.DELETE ? "(delete)"
                    : e.get().newValue();
        }
        if (i.node instanceof MapNode m) {
            return m.body().size() + (m.body().size() == 1 ? " entry" : " entries");
        }
        return nodes == null ? "" : nodes.valueOf(i.node);
    }

    private String typeOf(Item i) {
        Optional<DataSchemaNode> s = schema(i);
        if (i.node instanceof MapEntryNode) {
            return "list entry";
        }
        if (i.node instanceof MapNode) {
            return "list";
        }
        if (i.node instanceof LeafSetNode<?>) {
            return "leaf-list";
        }
        if (i.node instanceof ChoiceNode) {
            return "choice";
        }
        if (s.isPresent() && s.get() instanceof ContainerSchemaNode c) {
            return c.isPresenceContainer() ? "presence container" : "container";
        }
        return s.map(SchemaPanel::type).orElse("");
    }

    private String configOf(Item i) {
        if (i.node instanceof ChoiceNode) {
            return "";
        }
        return schema(i).map(s -> s.effectiveConfig().orElse(Boolean.TRUE) ? "config" : "state").orElse("");
    }

    private Optional<DataSchemaNode> schema(Item i) {
        return nodes == null ? Optional.empty() : nodes.schemaOf(i.ancestors, i.node);
    }

    /** The staged edit of this node, shown in the tree instead of the device's value. */
    private Optional<StagedEdits.Edit> staged(Item i) {
        if (edits == null || nodes == null || edits.isEmpty() || !editable()) {
            return Optional.empty();
        }
        return edits.edit(pathOf(i));
    }

    private String pathOf(Item i) {
        Map<QName, String> keys = new java.util.LinkedHashMap<>();
        if (i.node instanceof MapEntryNode e) {
            e.name().entrySet().forEach(k -> keys.put(k.getKey(), nodes.text(k.getValue())));
        }
        String p = nodes.path(i.ancestors, i.node.name().getNodeType(), keys);
        return i.node instanceof LeafSetEntryNode<?> le ? p + "[.=" + nodes.text(le.body()) + "]" : p;
    }

    // ------------------------------------------------------------------ device and reads

    private void show(Optional<DeviceConnection> c) {
        if (c.orElse(null) == connection && connection != null) {
            return;
        }
        detach();
        connection = c.orElse(null);
        nodes = null;
        tree.setInput(null);
        expanded.clear();
        store.removeAll();
        stores = connection == null ? List.of() : connection.stores();
        stores.forEach(s -> store.add(s.label()));
        for (var w : List.of(store, filter, read)) {
            w.setEnabled(connection != null);
        }
        updateButtons();
        if (connection == null) {
            Ui.status(status, "Select a connected device", false);
            return;
        }
        store.select(0);
        store.getParent().layout(true);
        DeviceConnection now = connection;
        // the staged edits need the schema; notifications need a subscription: both off the UI thread
        Ui.background(browser.io(), this, now::edits, e -> {
            if (now != connection) {
                return;
            }
            edits = e;
            nodes = e.nodes();
            e.addListener(onStaged);
            tree.refresh(true);
        }, e -> Ui.status(status, "The device's schema failed to load: " + Ui.message(e), true));
        if (now.client().capabilities().notifications()) {
            Ui.background(browser.io(), this, () -> {
                now.addNotificationListener(onNotification);
                return now;
            }, subscribed -> {
                if (subscribed != connection) {
                    subscribed.removeNotificationListener(onNotification);
                }
            }, e -> {
                // not fatal: the tree is still read after each commit and on Read
                now.removeNotificationListener(onNotification);
                status.setToolTipText("No refresh on changes by other sessions: " + Ui.message(e));
            });
        }
        reload();
    }

    private void detach() {
        if (edits != null) {
            edits.removeListener(onStaged);
        }
        if (connection != null) {
            connection.removeNotificationListener(onNotification);
        }
        edits = null;
    }

    private Store currentStore() {
        int i = store.getSelectionIndex();
        return i < 0 ? Store.RUNNING : stores.get(i);
    }

    /** Reads the chosen datastore (with the filter) from the device again. */
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
        String filterText = filter.getText().strip();
        String prefix = done == null || done.isEmpty() ? "" : done + "; ";
        Ui.status(status, prefix + "reading " + s.label() + (filterText.isEmpty() ? "" : " (filtered)") + "...",
                false);
        Ui.background(browser.io(), this, () -> {
            Filter f = filterText.isEmpty() ? null : c.filter(filterText);
            ContainerNode data = c.read(s, f);
            return new Object[] {data, new DataNodes(c.schema().context())};
        }, result -> {
            if (c != connection || s != currentStore()) {
                return;
            }
            ContainerNode data = (ContainerNode) result[0];
            if (nodes == null) {
                nodes = (DataNodes) result[1];
            }
            materialized.set(0);
            tree.setInput(new Root(data));
            reads++;
            Ui.status(status, prefix + s.label() + (filterText.isEmpty() ? "" : " (filter " + filterText + ")")
                    + ": " + data.body().size() + " top-level nodes", false);
            updateButtons();
        }, e -> Ui.status(status, prefix + "reading " + s.label() + " failed: " + Ui.message(e), true));
    }

    private boolean editable() {
        Store s = currentStore();
        return s == Store.RUNNING || s == Store.CANDIDATE;
    }

    // ------------------------------------------------------------------ editing

    private void stage(String what, StagingCall call) {
        StagedEdits e = edits;
        if (e == null) {
            Ui.status(status, "The schema is still loading; try again", true);
            return;
        }
        Ui.status(status, "Checking " + what + "...", false);
        Ui.background(browser.io(), this, () -> {
            call.run(e);
            return e.edits().size();
        }, n -> Ui.status(status, "Staged " + what + " (" + n + " staged edit" + (n == 1 ? "" : "s")
                + "; see Pending changes)", false),
                ex -> Ui.status(status, "Edit of " + what + " failed: " + Ui.message(ex), true));
    }

    private interface StagingCall {
        void run(StagedEdits e) throws Exception;
    }

    private void setLeaf(Item item, String value) {
        if (!(item.node instanceof LeafNode<?> leaf)) {
            return;
        }
        String shown = valueOf(item);
        if (value.equals(shown)) {
            return;
        }
        String old = nodes.valueOf(item.node);
        stage(item.name() + " = " + value, e -> e.setLeaf(item.ancestors, leaf.name().getNodeType(), old, value));
    }

    /** The selected node's path from the data root (e.g. for an action's target), if a node is selected. */
    public Optional<org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier> selectedPath() {
        return selectedItem().map(i -> {
            List<org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument> args = new ArrayList<>();
            i.ancestors().forEach(a -> args.add(a.name()));
            args.add(i.node().name());
            return org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.of(args);
        });
    }

    private Optional<Item> selectedItem() {
        Object o = ((IStructuredSelection) tree.getSelection()).getFirstElement();
        return o instanceof Item i ? Optional.of(i) : Optional.empty();
    }

    private void updateButtons() {
        boolean on = connection != null && editable() && tree.getInput() != null;
        Optional<Item> sel = selectedItem();
        add.setEnabled(on);
        delete.setEnabled(on && sel.map(this::deletable).orElse(false));
    }

    private boolean deletable(Item i) {
        if (i.node instanceof ChoiceNode || DataNodes.isListKey(i.ancestors, i.node)) {
            return false;
        }
        return schema(i).map(s -> s.effectiveConfig().orElse(Boolean.TRUE)).orElse(false);
    }

    private void deleteSelected() {
        Optional<Item> sel = selectedItem();
        if (sel.isEmpty() || !deletable(sel.get())) {
            Ui.status(status, "Select a list entry, container or leaf to delete", true);
            return;
        }
        Item i = sel.get();
        if (i.node instanceof MapNode m) {
            // a whole list: each entry goes
            stage("delete of " + i.name(), e -> {
                for (NormalizedNode entry : m.body()) {
                    List<NormalizedNode> path = new ArrayList<>(i.ancestors);
                    path.add(m);
                    e.delete(path, entry);
                }
            });
            return;
        }
        stage("delete of " + i.name(), e -> e.delete(i.ancestors, i.node));
    }

    /** Opens the key dialog for what can be added below the selection (or at the top without one). */
    private void openAddDialog() {
        if (nodes == null || edits == null) {
            Ui.status(status, "The schema is still loading; try again", true);
            return;
        }
        Optional<Item> sel = selectedItem();
        List<AddDialog.Choice> choices = new ArrayList<>();
        if (sel.isEmpty()) {
            nodes.addable(nodes.context(), rootContainer()).forEach(s -> choices.add(new AddDialog.Choice(s, List.of())));
        } else {
            Item i = sel.get();
            Optional<DataSchemaNode> s = schema(i);
            if (i.node instanceof MapNode && s.isPresent()) {
                choices.add(new AddDialog.Choice(s.get(), i.ancestors));
            } else if (i.node instanceof MapEntryNode && s.isPresent()) {
                choices.add(new AddDialog.Choice(s.get(), i.ancestors));
            }
            if (s.isPresent() && !(i.node instanceof MapNode) && !(i.node instanceof LeafNode<?>)) {
                List<NormalizedNode> below = new ArrayList<>(i.ancestors);
                below.add(i.node);
                for (DataSchemaNode d : nodes.addable(s.get(), i.node)) {
                    choices.add(new AddDialog.Choice(d, List.copyOf(below)));
                }
            }
        }
        choices.removeIf(ch -> choices.indexOf(ch) != choices.lastIndexOf(ch));
        if (choices.isEmpty()) {
            Ui.status(status, "Nothing can be added here: select a list, a list entry or a container", true);
            return;
        }
        if (addDialog != null && !addDialog.isDisposed()) {
            addDialog.close();
        }
        addDialog = new AddDialog(getShell(), choices, (choice, values) -> stage("new "
                + choice.node().getQName().getLocalName() + (values.isEmpty() ? "" : " " + values.values()),
                e -> e.create(choice.ancestors(), choice.node(), values)));
        addDialog.open();
    }

    private final class LeafEditing extends EditingSupport {
        private final TextCellEditor text = new TextCellEditor(tree.getTree());
        private final CheckboxCellEditor checkbox = new CheckboxCellEditor(tree.getTree());
        private final ComboBoxCellEditor combo = new ComboBoxCellEditor(tree.getTree(), new String[0],
                SWT.READ_ONLY);
        private String[] comboItems = new String[0];

        LeafEditing() {
            super(tree);
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            Item item = (Item) element;
            Optional<DataSchemaNode> s = schema(item);
            if (s.isEmpty()) {
                return text;
            }
            return switch (nodes.editor(s.get())) {
                case BOOLEAN -> checkbox;
                case CHOICE -> comboOf(nodes.choices(s.get()));
                case LEAFREF -> {
                    List<String> targets = nodes.leafrefChoices(s.get(), item.ancestors, rootContainer());
                    yield targets.isEmpty() ? text : comboOf(targets);
                }
                case TEXT -> text;
            };
        }

        private CellEditor comboOf(List<String> items) {
            comboItems = items.toArray(String[]::new);
            combo.setItems(comboItems);
            return combo;
        }

        @Override
        protected boolean canEdit(Object element) {
            Item item = (Item) element;
            return item.node instanceof LeafNode<?> && editable() && edits != null
                    && !DataNodes.isListKey(item.ancestors, item.node)
                    && schema(item).map(s -> s.effectiveConfig().orElse(Boolean.TRUE)).orElse(false);
        }

        @Override
        protected Object getValue(Object element) {
            Item item = (Item) element;
            String v = valueOf(item);
            CellEditor editor = getCellEditor(element);
            if (editor == checkbox) {
                return Boolean.valueOf(v);
            }
            if (editor == combo) {
                return java.util.Arrays.asList(comboItems).indexOf(v);
            }
            return v;
        }

        @Override
        protected void setValue(Object element, Object value) {
            String text;
            if (value instanceof Boolean b) {
                text = b.toString();
            } else if (value instanceof Integer index) {
                if (index < 0 || index >= comboItems.length) {
                    return;
                }
                text = comboItems[index];
            } else {
                text = String.valueOf(value);
            }
            setLeaf((Item) element, text);
        }
    }

    /** The datastore as read, for leafref choices and what exists already. */
    private ContainerNode rootContainer() {
        return tree.getInput() instanceof Root r ? r.data : null;
    }

    /** Children are made when a row is shown or expanded, never all at once. */
    private final class LazyContent implements ILazyTreeContentProvider {
        private Item[] childrenOf(Object o) {
            return o instanceof Root r ? r.items : o instanceof Item i ? i.children() : new Item[0];
        }

        @Override
        public void updateElement(Object parent, int index) {
            Item[] kids = childrenOf(parent);
            if (index >= kids.length) {
                return;
            }
            Item child = kids[index];
            materialized.incrementAndGet();
            tree.replace(parent, index, child);
            tree.setHasChildren(child, child.hasChildren());
            if (expanded.contains(child.key) && child.hasChildren()) {
                // the same place was open before the re-read: open it again once the row exists
                getDisplay().asyncExec(() -> {
                    if (!tree.getControl().isDisposed() && tree.getInput() != null) {
                        tree.setExpandedState(child, true);
                    }
                });
            }
        }

        @Override
        public void updateChildCount(Object element, int currentChildCount) {
            int n = childrenOf(element).length;
            if (n != currentChildCount) {
                tree.setChildCount(element, n);
            }
        }

        @Override
        public Object getParent(Object element) {
            return element instanceof Item i && i.parent != null ? i.parent : tree.getInput();
        }
    }

    // for UI tests
    public TreeViewer tree() {
        return tree;
    }

    public Combo storeCombo() {
        return store;
    }

    public Text filterText() {
        return filter;
    }

    public Button readButton() {
        return read;
    }

    public Button addButton() {
        return add;
    }

    public Button deleteButton() {
        return delete;
    }

    public Label statusLine() {
        return status;
    }

    public Optional<AddDialog> addDialog() {
        return Optional.ofNullable(addDialog).filter(d -> !d.isDisposed());
    }

    /** How many rows were made from data so far (after the last read): the lazy tree makes only those shown. */
    public int materializedRows() {
        return materialized.get();
    }

    /** How many reads have completed (for tests that wait for a refresh). */
    public int completedReads() {
        return reads;
    }
}
