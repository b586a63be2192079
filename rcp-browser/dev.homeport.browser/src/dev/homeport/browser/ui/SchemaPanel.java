package dev.homeport.browser.ui;

import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.DeviceConnection;
import dev.homeport.netconf.schema.DeviceSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.ActionNodeContainer;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DocumentedNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.NotificationDefinition;
import org.opendaylight.yangtools.yang.model.api.RpcDefinition;
import org.opendaylight.yangtools.yang.model.api.SchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;

/**
 * The selected device's schema as the engine built it ({@link DeviceSchema}): modules, then containers, lists with
 * their keys, leaves with their types, choices and cases, RPCs and notifications, each marked config or state, with
 * the description as tooltip.
 */
public final class SchemaPanel extends Composite {
    private final DeviceBrowser browser;
    private final TreeViewer tree;
    private final Label status;
    private final SchemaIcons icons;
    private final Consumer<Optional<DeviceConnection>> onSelection;
    /** Nodes inside RPCs, actions and notifications: config/state does not apply to them. */
    private final java.util.Set<Object> inOperation = java.util.Collections.newSetFromMap(
            new java.util.IdentityHashMap<>());

    public SchemaPanel(Composite parent, DeviceBrowser browser) {
        super(parent, SWT.NONE);
        this.browser = browser;
        setLayout(new GridLayout(1, false));
        status = new Label(this, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        tree = new TreeViewer(this, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        tree.getTree().setHeaderVisible(true);
        tree.setContentProvider(new SchemaContent());
        icons = new SchemaIcons(tree.getControl());
        column("Name", 260, SchemaPanel::name);
        column("Kind", 110, SchemaPanel::kind);
        column("Type", 150, SchemaPanel::type);
        column("Config", 60, this::config);
        org.eclipse.jface.viewers.ColumnViewerToolTipSupport.enableFor(tree);
        GridDataFactory.fillDefaults().grab(true, true).hint(400, 200).applyTo(tree.getControl());

        onSelection = c -> Ui.onUi(this, () -> show(c));
        browser.addSelectionListener(onSelection);
        addDisposeListener(e -> browser.removeSelectionListener(onSelection));
        show(browser.selected());
    }

    private void column(String title, int width, java.util.function.Function<Object, String> text) {
        TreeViewerColumn c = new TreeViewerColumn(tree, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }

            @Override
            public org.eclipse.swt.graphics.Image getImage(Object element) {
                return title.equals("Name") ? icons.of(kind(element)) : null;
            }

            @Override
            public String getToolTipText(Object element) {
                return element instanceof DocumentedNode d ? d.getDescription().orElse(null) : null;
            }
        });
    }

    private void show(Optional<DeviceConnection> connection) {
        tree.setInput(null);
        if (connection.isEmpty()) {
            Ui.status(status, "Select a connected device", false);
            return;
        }
        DeviceConnection c = connection.get();
        Ui.status(status, "Loading the schema of " + c.id() + "...", false);
        // a job (progress and cancel in the workbench): discovery and get-schema of every module can take a while
        Ui.job(browser.jobs(), "Loading the schema of " + c.id(), this, job -> {
            job.begin("Schema of " + c.id(), -1);
            return c.schema(p -> {
                job.step(p.toString());
                Ui.onUi(this, () -> Ui.status(status, "Schema: " + p, false));
                job.checkCanceled();
            });
        }, schema -> {
                    if (browser.selected().orElse(null) != c) {
                        return;
                    }
                    tree.setInput(schema);
                    Ui.status(status, schema.summary(), schema.partial());
                }, e -> Ui.status(status, "Schema: " + Ui.message(e), true));
    }

    private final class SchemaContent implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            if (!(input instanceof DeviceSchema s)) {
                return new Object[0];
            }
            return s.context().getModules().stream()
                    .filter(m -> !m.getChildNodes().isEmpty() || !m.getRpcs().isEmpty()
                            || !m.getNotifications().isEmpty())
                    .sorted(Comparator.comparing(m -> m.getName())).toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            List<Object> out = new ArrayList<>();
            if (parent instanceof Module m) {
                out.addAll(m.getChildNodes());
                out.addAll(m.getRpcs());
                out.addAll(m.getNotifications());
            } else if (parent instanceof ChoiceSchemaNode choice) {
                out.addAll(choice.getCases());
            } else if (parent instanceof DataNodeContainer c) {
                out.addAll(c.getChildNodes());
                if (parent instanceof ActionNodeContainer a) {
                    out.addAll(a.getActions());
                }
            } else if (parent instanceof RpcDefinition rpc) {
                out.add(rpc.getInput());
                out.add(rpc.getOutput());
            }
            if (parent instanceof RpcDefinition || parent instanceof NotificationDefinition
                    || parent instanceof org.opendaylight.yangtools.yang.model.api.ActionDefinition
                    || inOperation.contains(parent)) {
                inOperation.addAll(out);
            }
            for (Object o : out) {
                if (o instanceof NotificationDefinition
                        || o instanceof org.opendaylight.yangtools.yang.model.api.ActionDefinition) {
                    inOperation.add(o);
                }
            }
            return out.toArray();
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return getChildren(element).length > 0;
        }
    }

    static String name(Object o) {
        if (o instanceof Module m) {
            return m.getName() + m.getRevision().map(r -> "@" + r).orElse("");
        }
        if (o instanceof ListSchemaNode l) {
            return l.getQName().getLocalName() + " [" + l.getKeyDefinition().stream().map(QName::getLocalName)
                    .collect(Collectors.joining(" ")) + "]";
        }
        return o instanceof SchemaNode n ? n.getQName().getLocalName() : String.valueOf(o);
    }

    static String kind(Object o) {
        if (o instanceof Module) {
            return "module";
        }
        if (o instanceof LeafSchemaNode) {
            return "leaf";
        }
        if (o instanceof LeafListSchemaNode) {
            return "leaf-list";
        }
        if (o instanceof ListSchemaNode) {
            return "list";
        }
        if (o instanceof ChoiceSchemaNode) {
            return "choice";
        }
        if (o instanceof CaseSchemaNode) {
            return "case";
        }
        if (o instanceof RpcDefinition) {
            return "rpc";
        }
        if (o instanceof NotificationDefinition) {
            return "notification";
        }
        if (o instanceof org.opendaylight.yangtools.yang.model.api.ActionDefinition) {
            return "action";
        }
        if (o instanceof ContainerSchemaNode c) {
            return c.isPresenceContainer() ? "container (presence)" : "container";
        }
        return o instanceof SchemaNode ? "node" : "";
    }

    static String type(Object o) {
        TypeDefinition<?> t = o instanceof LeafSchemaNode l ? l.getType()
                : o instanceof LeafListSchemaNode ll ? ll.getType() : null;
        if (t == null) {
            return "";
        }
        TypeDefinition<?> base = t;
        while (base.getBaseType() != null) {
            base = base.getBaseType();
        }
        String name = t.getQName().getLocalName();
        String builtin = base.getQName().getLocalName();
        return name.equals(builtin) ? name : name + " (" + builtin + ")";
    }

    String config(Object o) {
        if (o instanceof DataSchemaNode d && !(o instanceof CaseSchemaNode) && !inOperation.contains(o)) {
            // yangtools leaves the effective config unset where it is the default (true)
            return d.effectiveConfig().orElse(Boolean.TRUE) ? "config" : "state";
        }
        return "";
    }

    // for UI tests
    public TreeViewer tree() {
        return tree;
    }

    public Label statusLine() {
        return status;
    }
}
