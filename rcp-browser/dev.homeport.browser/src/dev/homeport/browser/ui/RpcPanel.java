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
import org.opendaylight.yangtools.yang.model.api.RpcDefinition;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BooleanTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EmptyTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;

/**
 * Invokes one of the device's RPCs: a form generated from the RPC's input statement (a drop-down for booleans,
 * enumerations and identities, a text field with the type's name otherwise; mandatory leaves marked with *), sent
 * through the engine's schema-built RPC API ({@link SchemaOperation}), which checks every value against its type
 * before anything is sent; the output is shown as a tree.
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
    private List<RpcDefinition> rpcs = List.of();
    private EffectiveModelContext context;

    public RpcPanel(Composite parent, DeviceBrowser browser, DeviceConnection connection) {
        super(parent, SWT.NONE);
        this.browser = browser;
        this.connection = connection;
        setLayout(new GridLayout(2, false));
        new Label(this, SWT.NONE).setText("RPC:");
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
            rpcs = ctx.getModules().stream().flatMap(m -> m.getRpcs().stream())
                    .sorted(Comparator.comparing(this::label)).map(RpcDefinition.class::cast).toList();
            operation.setItems(rpcs.stream().map(this::label).toArray(String[]::new));
            Ui.status(status, rpcs.size() + " RPCs", false);
        }, e -> Ui.status(status, "Schema: " + Ui.message(e), true));
    }

    private String label(RpcDefinition rpc) {
        String module = context.findModule(rpc.getQName().getModule()).map(m -> m.getName()).orElse("?");
        return module + ":" + rpc.getQName().getLocalName();
    }

    /** Chooses an RPC by {@code module:name}, as a selection in the drop-down would; false when it has none. */
    public boolean choose(String moduleAndName) {
        int i = Arrays.asList(operation.getItems()).indexOf(moduleAndName);
        if (i < 0) {
            return false;
        }
        operation.select(i);
        buildForm();
        return true;
    }

    private Optional<RpcDefinition> chosen() {
        int i = operation.getSelectionIndex();
        return i < 0 || i >= rpcs.size() ? Optional.empty() : Optional.of(rpcs.get(i));
    }

    private void buildForm() {
        Arrays.stream(form.getChildren()).forEach(Control::dispose);
        fields.clear();
        leafLists.clear();
        output.removeAll();
        RpcDefinition rpc = chosen().orElse(null);
        send.setEnabled(rpc != null);
        if (rpc == null) {
            return;
        }
        rpc.getDescription().ifPresent(operation::setToolTipText);
        for (DataSchemaNode child : rpc.getInput().getChildNodes()) {
            Label name = new Label(form, SWT.NONE);
            String local = child.getQName().getLocalName();
            boolean mandatory = child instanceof LeafSchemaNode l && l.isMandatory();
            name.setText(local + (mandatory ? " *" : ""));
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
                leafLists.add(local);
                hint = typeName(list.getType()) + ", several";
            } else {
                field = new Label(form, SWT.NONE);
                ((Label) field).setText("(nested input: not in this form)");
                hint = "";
            }
            field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            if (!(field instanceof Label)) {
                fields.put(local, field);
            }
            Label type = new Label(form, SWT.NONE);
            type.setText(hint);
        }
        if (fields.isEmpty()) {
            new Label(form, SWT.NONE).setText("(no input)");
        }
        Ui.status(status, label(rpc) + ": fill in the input and press Send", false);
        layout(true, true);
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

    /** The values typed into the form: leaf name to text, a list for a leaf-list; empty fields left out. */
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
        RpcDefinition rpc = chosen().orElse(null);
        if (rpc == null) {
            return;
        }
        Map<String, Object> input = values();
        SchemaOperation op = SchemaOperation.rpc(context, rpc.getQName());
        output.removeAll();
        value.setText("");
        send.setEnabled(false);
        Ui.status(status, "Sending " + label(rpc) + "...", false);
        Ui.background(browser.io(), this, () -> connection.invoke(op, input), result -> {
            send.setEnabled(true);
            show(result);
            Ui.status(status, label(rpc) + ": " + (result.data().body().isEmpty() ? "ok (no output)"
                    : "output below") + (result.skipped().isEmpty() ? "" : "; not in the schema, skipped: "
                    + result.skipped()), false);
        }, e -> {
            send.setEnabled(true);
            Ui.status(status, label(rpc) + " failed: " + Ui.message(e), true);
        });
    }

    private void show(XmlDataCodec.Result result) {
        for (NormalizedNode n : result.data().body()) {
            add(null, n);
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
