package dev.homeport.browser.ui;

import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.DeviceConnection;
import dev.homeport.netconf.data.SchemaOperation;
import dev.homeport.netconf.data.XmlDataCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.opendaylight.yangtools.yang.data.api.schema.AnyxmlNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.IdentitySchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ActionDefinition;
import org.opendaylight.yangtools.yang.model.api.ActionNodeContainer;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.OperationDefinition;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import dev.homeport.netconf.ops.Filter;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BooleanTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EmptyTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;

/**
 * Invokes one of the device's RPCs or YANG 1.1 actions (RFC 7950 section 7.15): a form generated from the input
 * statement (a drop-down for booleans, enumerations and identities, a text field with the type's name otherwise;
 * mandatory leaves marked with *), sent through the engine's schema-built operation API ({@link SchemaOperation}),
 * which checks every value against its type before anything is sent; the output is shown as a tree. An action also
 * needs its target: a drop-down of the instances of the node it is defined on, read from the device (list entries by
 * their keys), preselected from a preferred target (the Data view's selection) when it is one of them or below one.
 */
public final class RpcPanel extends Composite {
    private final DeviceBrowser browser;
    private final DeviceConnection connection;
    private final Combo operation;
    private final Composite form;
    private final Button send;
    private final Tree output;
    private final Label status;
    private final Text value;
    private static final String FULL_TEXT = "homeport.fullText";
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final java.util.Set<String> leafLists = new java.util.HashSet<>();
    private List<Operation> operations = List.of();
    private EffectiveModelContext context;
    /** The action's target choices, as listed in {@link #target}; empty for an RPC. */
    private List<YangInstanceIdentifier> targets = List.of();
    private Combo target;
    private YangInstanceIdentifier preferredTarget;

    /**
     * An RPC (no parents) or an action with the containers and lists from the data root down to the node it is
     * defined on.
     */
    private record Operation(String label, OperationDefinition definition, List<DataSchemaNode> parents) {
        boolean isAction() {
            return definition instanceof ActionDefinition;
        }
    }

    public RpcPanel(Composite parent, DeviceBrowser browser, DeviceConnection connection) {
        super(parent, SWT.NONE);
        this.browser = browser;
        this.connection = connection;
        setLayout(new GridLayout(2, false));
        new Label(this, SWT.NONE).setText("Operation:");
        operation = new Combo(this, SWT.DROP_DOWN | SWT.READ_ONLY);
        operation.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        operation.addListener(SWT.Selection, e -> buildForm());
        form = new Composite(this, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        form.setLayout(new GridLayout(3, false));
        send = new Button(this, SWT.PUSH);
        send.setText("Send");
        send.setEnabled(false);
        send.addListener(SWT.Selection, e -> send());
        status = new Label(this, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        output = new Tree(this, SWT.BORDER | SWT.FULL_SELECTION);
        output.setHeaderVisible(true);
        output.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        for (String[] c : new String[][] {{"Output", "260"}, {"Value", "520"}}) {
            TreeColumn col = new TreeColumn(output, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        value = new Text(this, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.READ_ONLY);
        value.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        GridData valueLayout = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        valueLayout.heightHint = 120;
        value.setLayoutData(valueLayout);
        output.addListener(SWT.Selection, e -> {
            TreeItem[] sel = output.getSelection();
            value.setText(sel.length == 0 ? "" : sel[0].getData(FULL_TEXT) instanceof String full ? full
                    : sel[0].getText(1));
        });
        Ui.status(status, "Loading the device's schema...", false);
        Ui.background(browser.io(), this, () -> connection.schema().context(), ctx -> {
            context = ctx;
            List<Operation> all = new ArrayList<>();
            ctx.getModules().stream().flatMap(m -> m.getRpcs().stream())
                    .forEach(rpc -> all.add(new Operation(label(rpc), rpc, List.of())));
            int rpcCount = all.size();
            collectActions(ctx, new ArrayList<>(), all);
            all.sort(Comparator.comparing(Operation::label));
            operations = List.copyOf(all);
            operation.setItems(operations.stream().map(Operation::label).toArray(String[]::new));
            Ui.status(status, rpcCount + " RPCs, " + (operations.size() - rpcCount) + " actions", false);
        }, e -> Ui.status(status, "Schema: " + Ui.message(e), true));
    }

    private String label(OperationDefinition op) {
        String module = context.findModule(op.getQName().getModule()).map(m -> m.getName()).orElse("?");
        return module + ":" + op.getQName().getLocalName();
    }

    /** Every action below the containers and lists of {@code node} ({@code parents} leads to it). */
    private void collectActions(DataNodeContainer node, List<DataSchemaNode> parents, List<Operation> out) {
        if (node instanceof ActionNodeContainer holder && !parents.isEmpty()) {
            String path = parents.stream().map(p -> "/" + p.getQName().getLocalName())
                    .collect(java.util.stream.Collectors.joining());
            for (ActionDefinition a : holder.getActions()) {
                out.add(new Operation(label(a) + " on " + path, a, List.copyOf(parents)));
            }
        }
        for (DataSchemaNode child : node.getChildNodes()) {
            if (child instanceof ContainerSchemaNode || child instanceof ListSchemaNode) {
                parents.add(child);
                collectActions((DataNodeContainer) child, parents, out);
                parents.remove(parents.size() - 1);
            }
        }
    }

    /**
     * Chooses an RPC by {@code module:name}, or an action by {@code module:name on /path}, as a selection in the
     * drop-down would; false when it has none.
     */
    public boolean choose(String label) {
        int i = Arrays.asList(operation.getItems()).indexOf(label);
        return select(i);
    }

    /** Chooses an RPC or action by its schema definition (e.g. the Schema view's selection); false when not listed. */
    public boolean choose(OperationDefinition definition) {
        int found = -1;
        int sameName = -1;
        int sameNames = 0;
        for (int i = 0; i < operations.size(); i++) {
            OperationDefinition d = operations.get(i).definition();
            if (d == definition) {
                found = i;
            } else if (d.getQName().equals(definition.getQName())) {
                sameName = i;
                sameNames++;
            }
        }
        if (found < 0 && sameNames == 1) {
            found = sameName; // the same operation from another view of the schema
        }
        return select(found);
    }

    /** Selects the i-th listed operation and builds its form, as the drop-down would; false for none (-1). */
    private boolean select(int i) {
        if (i < 0) {
            return false;
        }
        operation.select(i);
        buildForm();
        return true;
    }

    /**
     * The target an action should start with when it is one of the listed instances, or below one (a leaf of a list
     * entry selects the entry); null for none.
     */
    public void preferTarget(YangInstanceIdentifier preferred) {
        this.preferredTarget = preferred;
    }

    private Optional<Operation> chosen() {
        int i = operation.getSelectionIndex();
        return i < 0 || i >= operations.size() ? Optional.empty() : Optional.of(operations.get(i));
    }

    private void buildForm() {
        Arrays.stream(form.getChildren()).forEach(Control::dispose);
        fields.clear();
        leafLists.clear();
        output.removeAll();
        targets = List.of();
        target = null;
        Operation chosen = chosen().orElse(null);
        send.setEnabled(chosen != null);
        if (chosen == null) {
            return;
        }
        OperationDefinition rpc = chosen.definition();
        rpc.getDescription().ifPresent(operation::setToolTipText);
        if (chosen.isAction()) {
            targetRow(chosen);
        }
        addRows(rpc.getInput(), "", null, rpc.getQName().getModule());
        if (fields.isEmpty()) {
            new Label(form, SWT.NONE).setText("(no input)");
        }
        Ui.status(status, chosen.label() + (chosen.isAction() ? ": choose the target, fill in the input and press Send"
                : ": fill in the input and press Send"), false);
        layout(true, true);
    }

    /**
     * One row per leaf and leaf-list below {@code container}: leaves in containers are named by their path
     * ({@code options/reason}), leaves in a choice by their own name with the choice and case as hint (RFC 7950
     * choices leave no element of their own). Lists are not in the form.
     */
    private void addRows(DataNodeContainer container, String prefix, String inChoice,
                         org.opendaylight.yangtools.yang.common.QNameModule module) {
        for (DataSchemaNode child : container.getChildNodes()) {
            if (child instanceof org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode choice) {
                for (var c : choice.getCases()) {
                    addRows(c, prefix, "choice " + choice.getQName().getLocalName() + ", case "
                            + c.getQName().getLocalName(), module);
                }
                continue;
            }
            QName q = child.getQName();
            String key = prefix + (q.getModule().equals(module) ? "" : context.findModule(q.getModule())
                    .map(m -> m.getName() + ":").orElse("")) + q.getLocalName();
            if (child instanceof ContainerSchemaNode nested) {
                addRows(nested, key + "/", inChoice, module);
                continue;
            }
            Label name = new Label(form, SWT.NONE);
            boolean mandatory = inChoice == null && child instanceof LeafSchemaNode l && l.isMandatory();
            name.setText(key + (mandatory ? " *" : ""));
            child.getDescription().ifPresent(name::setToolTipText);
            Control field;
            String hint;
            if (child instanceof LeafSchemaNode leaf) {
                field = widgetFor(leaf.getType());
                hint = typeName(leaf.getType());
            } else if (child instanceof LeafListSchemaNode list) {
                Text t = new Text(form, SWT.BORDER);
                t.setMessage("values separated by commas");
                field = t;
                leafLists.add(key);
                hint = typeName(list.getType()) + ", several";
            } else {
                field = new Label(form, SWT.NONE);
                ((Label) field).setText("(" + (child instanceof ListSchemaNode ? "list" : "anydata or anyxml")
                        + ": not in this form)");
                hint = "";
            }
            field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            if (!(field instanceof Label)) {
                fields.put(key, field);
            }
            Label type = new Label(form, SWT.NONE);
            type.setText(inChoice == null ? hint : hint.isEmpty() ? inChoice : hint + "; " + inChoice);
        }
    }

    /** The action's target: a drop-down of the instances on the device of the node the action is defined on. */
    private void targetRow(Operation action) {
        new Label(form, SWT.NONE).setText("target *");
        Combo combo = new Combo(form, SWT.DROP_DOWN | SWT.READ_ONLY);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Label hint = new Label(form, SWT.NONE);
        hint.setText("reading the instances...");
        target = combo;
        YangInstanceIdentifier preferred = preferredTarget;
        Ui.background(browser.io(), this, () -> instances(action.parents()), found -> {
            if (combo.isDisposed() || target != combo) {
                return; // another operation was chosen meanwhile
            }
            targets = found;
            combo.setItems(found.stream().map(RpcPanel::readable).toArray(String[]::new));
            int best = -1;
            for (int i = 0; i < found.size(); i++) {
                if (preferred != null && found.get(i).contains(preferred)) {
                    best = i;
                }
            }
            if (best >= 0) {
                combo.select(best);
            }
            hint.setText(found.size() + " on the device");
            form.layout(true, true);
        }, e -> {
            if (!hint.isDisposed()) {
                hint.setText("");
                Ui.status(status, "Reading the action's targets: " + Ui.message(e), true);
            }
        });
    }

    /** The instances of the last of {@code parents} on the device, read with a subtree filter of their keys. */
    private List<YangInstanceIdentifier> instances(List<DataSchemaNode> parents) throws Exception {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (DataSchemaNode p : parents) {
            String name = p.getQName().getLocalName();
            open.append('<').append(name).append(" xmlns=\"").append(p.getQName().getNamespace()).append("\">");
            if (p instanceof ListSchemaNode list) {
                for (QName key : list.getKeyDefinition()) {
                    open.append('<').append(key.getLocalName()).append(" xmlns=\"").append(key.getNamespace())
                            .append("\"/>");
                }
            }
            close.insert(0, "</" + name + ">");
        }
        ContainerNode data = connection.read(DeviceConnection.Store.OPERATIONAL, Filter.subtree(open + "" + close));
        List<YangInstanceIdentifier> out = new ArrayList<>();
        collectInstances(data, parents, 0, new ArrayList<>(), out);
        out.sort(Comparator.comparing(RpcPanel::readable)); // the tree keeps no order of (non-ordered-by-user) lists
        return out;
    }

    private static void collectInstances(DataContainerNode node, List<DataSchemaNode> parents, int depth,
                                         List<PathArgument> path, List<YangInstanceIdentifier> out) {
        if (depth == parents.size()) {
            out.add(YangInstanceIdentifier.of(path));
            return;
        }
        NodeIdentifier id = NodeIdentifier.create(parents.get(depth).getQName());
        DataContainerChild child = node.childByArg(id);
        path.add(id);
        if (child instanceof MapNode list) {
            for (MapEntryNode entry : list.body()) {
                path.add(entry.name());
                collectInstances(entry, parents, depth + 1, path, out);
                path.remove(path.size() - 1);
            }
        } else if (child instanceof DataContainerNode c) {
            collectInstances(c, parents, depth + 1, path, out);
        }
        path.remove(path.size() - 1);
    }

    /** {@code /interfaces/interface[name='wan0']}: a target as people read it. */
    static String readable(YangInstanceIdentifier path) {
        StringBuilder sb = new StringBuilder();
        for (PathArgument a : path.getPathArguments()) {
            if (a instanceof NodeIdentifierWithPredicates keys) {
                keys.entrySet().forEach(k -> sb.append('[').append(k.getKey().getLocalName()).append("='")
                        .append(k.getValue()).append("']"));
            } else {
                sb.append('/').append(a.getNodeType().getLocalName());
            }
        }
        return sb.toString();
    }

    private Control widgetFor(TypeDefinition<?> type) {
        List<String> choices = null;
        if (type instanceof BooleanTypeDefinition) {
            choices = List.of("true", "false");
        } else if (type instanceof EmptyTypeDefinition) {
            choices = List.of("true");
        } else if (type instanceof EnumTypeDefinition e) {
            choices = e.getValues().stream().map(EnumTypeDefinition.EnumPair::getName).toList();
        } else if (type instanceof IdentityrefTypeDefinition id) {
            TreeSet<String> names = new TreeSet<>();
            for (IdentitySchemaNode base : id.getIdentities()) {
                collectDerived(base, names);
            }
            choices = List.copyOf(names);
        }
        if (choices == null) {
            return new Text(form, SWT.BORDER);
        }
        Combo c = new Combo(form, SWT.DROP_DOWN | SWT.READ_ONLY);
        List<String> items = new ArrayList<>();
        items.add(""); // not given
        items.addAll(choices);
        c.setItems(items.toArray(String[]::new));
        return c;
    }

    private void collectDerived(IdentitySchemaNode base, TreeSet<String> out) {
        for (IdentitySchemaNode d : context.getDerivedIdentities(base)) {
            String module = context.findModule(d.getQName().getModule()).map(m -> m.getName()).orElse("?");
            if (out.add(module + ":" + d.getQName().getLocalName())) {
                collectDerived(d, out);
            }
        }
    }

    private static String typeName(TypeDefinition<?> type) {
        TypeDefinition<?> base = type;
        while (base.getBaseType() != null) {
            base = base.getBaseType();
        }
        String own = type.getQName().getLocalName();
        String root = base.getQName().getLocalName();
        return own.equals(root) ? own : own + " (" + root + ")";
    }

    /**
     * The values typed into the form: leaf name (a path through containers, {@code options/reason}) to text, a list
     * for a leaf-list; empty fields left out.
     */
    public Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            String text = field instanceof Text t ? t.getText() : ((Combo) field).getText();
            if (text.isBlank()) {
                return;
            }
            out.put(name, leafLists.contains(name) ? Arrays.stream(text.split(",")).map(String::strip).toList() : text.strip());
        });
        return out;
    }

    /** Sends the RPC with the form's values; a value that does not fit its type is reported and nothing is sent. */
    public void send() {
        Operation chosen = chosen().orElse(null);
        if (chosen == null) {
            return;
        }
        Map<String, Object> input = values();
        SchemaOperation op;
        String what;
        if (chosen.isAction()) {
            int t = target == null ? -1 : target.getSelectionIndex();
            if (t < 0 || t >= targets.size()) {
                Ui.status(status, chosen.label() + ": choose the target first", true);
                return;
            }
            op = SchemaOperation.action(context, targets.get(t), chosen.definition().getQName());
            what = label(chosen.definition()) + " on " + readable(targets.get(t));
        } else {
            op = SchemaOperation.rpc(context, chosen.definition().getQName());
            what = chosen.label();
        }
        output.removeAll();
        value.setText("");
        send.setEnabled(false);
        Ui.status(status, "Sending " + what + "...", false);
        Ui.background(browser.io(), this, () -> {
            XmlDataCodec.Result result = connection.invoke(op, input);
            return new Answer(result, anydataContents(result.data()));
        }, answer -> {
            XmlDataCodec.Result result = answer.result();
            send.setEnabled(true);
            show(answer);
            Ui.status(status, what + ": " + (result.data().body().isEmpty() ? "ok (no output)"
                    : "output below") + (result.skipped().isEmpty() ? "" : "; not in the schema, skipped: "
                    + result.skipped()), false);
        }, e -> {
            send.setEnabled(true);
            Ui.status(status, what + " failed: " + Ui.message(e), true);
            value.setText(what + " failed:\n" + Ui.message(e)); // whole, where the status line cuts it off
        });
    }

    /** An RPC's output, and the content of its top-level anydata nodes read as data of the device's schema. */
    private record Answer(XmlDataCodec.Result result, Map<NormalizedNode, AnydataContent> anydata) {
    }

    private record AnydataContent(ContainerNode tree, String xml) {
    }

    /** Off the UI thread: the top-level anydata of an output (get-data's data) as trees, where they are data. */
    private Map<NormalizedNode, AnydataContent> anydataContents(ContainerNode output) {
        Map<NormalizedNode, AnydataContent> out = new java.util.IdentityHashMap<>();
        XmlDataCodec codec = connection.codec();
        for (NormalizedNode n : output.body()) {
            if (n instanceof org.opendaylight.yangtools.yang.data.api.schema.AnydataNode<?> any) {
                codec.anydataAsData(any).filter(ContainerNode.class::isInstance)
                        .ifPresent(tree -> out.put(n, new AnydataContent((ContainerNode) tree,
                                codec.toXml((ContainerNode) tree))));
            }
        }
        return out;
    }

    private void show(Answer answer) {
        for (NormalizedNode n : answer.result().data().body()) {
            AnydataContent content = answer.anydata().get(n);
            if (content != null) {
                TreeItem item = new TreeItem(output, SWT.NONE);
                item.setText(0, n.name().getNodeType().getLocalName());
                int top = content.tree().body().size();
                item.setText(1, top + (top == 1 ? " top-level node" : " top-level nodes"));
                item.setData(FULL_TEXT, content.xml());
                content.tree().body().forEach(child -> add(item, child));
            } else {
                add(null, n);
            }
        }
        for (TreeItem item : output.getItems()) {
            item.setExpanded(true);
        }
    }

    private void add(TreeItem parent, NormalizedNode n) {
        TreeItem item = parent == null ? new TreeItem(output, SWT.NONE) : new TreeItem(parent, SWT.NONE);
        String name = n.name().getNodeType().getLocalName();
        if (n instanceof MapEntryNode entry) {
            name += " " + entry.name().values();
        }
        item.setText(0, name);
        if (n instanceof LeafNode<?> leaf) {
            item.setText(1, String.valueOf(leaf.body()));
        } else if (n instanceof LeafSetEntryNode<?> e) {
            item.setText(1, String.valueOf(e.body()));
        } else if (n instanceof AnyxmlNode<?> any) {
            Object body = any.body();
            String text = body instanceof javax.xml.transform.dom.DOMSource ds && ds.getNode() != null
                    ? ds.getNode().getTextContent() : String.valueOf(body);
            // one line in the tree; the whole text below it when selected
            String[] lines = text.strip().split("\\R", -1);
            item.setText(1, lines.length > 1 ? lines[0] + " ... (" + lines.length + " lines)" : lines[0]);
            item.setData(FULL_TEXT, text);
        } else if (n instanceof DataContainerNode c) {
            c.body().forEach(child -> add(item, child));
        } else if (n instanceof NormalizedNodeContainer<?> c) {
            c.body().forEach(child -> add(item, (NormalizedNode) child));
        }
    }

    public Combo operationCombo() {
        return operation;
    }

    /** The action's target drop-down (its instances on the device); null for an RPC. */
    public Combo targetCombo() {
        return target;
    }

    /** The form's input widgets by leaf name: {@link Text} or {@link Combo}. */
    public Map<String, Control> fields() {
        return fields;
    }

    public Button sendButton() {
        return send;
    }

    public Tree output() {
        return output;
    }

    public Label statusLine() {
        return status;
    }

    /** The selected output node's whole value (an anyxml's text, e.g. get-schema's module). */
    public Text valueText() {
        return value;
    }
}
