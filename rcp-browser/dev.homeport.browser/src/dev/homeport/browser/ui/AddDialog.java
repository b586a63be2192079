package dev.homeport.browser.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * The key dialog: what to add (a list entry or a presence container, from the schema) and, for a list entry, a field
 * per key. It does not block (the data view stays usable); OK hands the values to the caller, which stages them and
 * shows the engine's verdict on its status line.
 */
public final class AddDialog {
    /** Something that can be added: its schema node and the data nodes it goes below. */
    public record Choice(DataSchemaNode node, List<NormalizedNode> ancestors) {
        String label() {
            return node.getQName().getLocalName() + (node instanceof ListSchemaNode l ? " (list entry, key "
                    + String.join(" ", l.getKeyDefinition().stream().map(QName::getLocalName).toList()) + ")"
                    : " (presence container)");
        }
    }

    private final Shell shell;
    private final List<Choice> choices;
    private final Combo what;
    private final Composite fields;
    private final Map<QName, Text> keyFields = new LinkedHashMap<>();
    private final Button ok;

    AddDialog(Shell parent, List<Choice> choices, BiConsumer<Choice, Map<QName, String>> onOk) {
        this.choices = List.copyOf(choices);
        shell = new Shell(parent, SWT.DIALOG_TRIM | SWT.RESIZE);
        shell.setText("Add");
        shell.setLayout(new GridLayout(2, false));
        new Label(shell, SWT.NONE).setText("Add");
        what = new Combo(shell, SWT.READ_ONLY);
        choices.forEach(c -> what.add(c.label()));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(what);
        fields = new Composite(shell, SWT.NONE);
        fields.setLayout(new GridLayout(2, false));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(fields);
        Composite buttons = new Composite(shell, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        GridDataFactory.swtDefaults().span(2, 1).align(SWT.END, SWT.CENTER).applyTo(buttons);
        ok = new Button(buttons, SWT.PUSH);
        ok.setText("Stage");
        Button cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cancel");
        what.addListener(SWT.Selection, e -> showFields());
        ok.addListener(SWT.Selection, e -> {
            Choice c = selected();
            Map<QName, String> values = new LinkedHashMap<>();
            keyFields.forEach((k, t) -> values.put(k, t.getText().strip()));
            close();
            onOk.accept(c, values);
        });
        cancel.addListener(SWT.Selection, e -> close());
        what.select(0);
        showFields();
    }

    private Choice selected() {
        return choices.get(Math.max(0, what.getSelectionIndex()));
    }

    private void showFields() {
        for (Control c : fields.getChildren()) {
            c.dispose();
        }
        keyFields.clear();
        if (selected().node() instanceof ListSchemaNode list) {
            for (QName k : list.getKeyDefinition()) {
                new Label(fields, SWT.NONE).setText(k.getLocalName());
                Text t = new Text(fields, SWT.BORDER);
                GridDataFactory.fillDefaults().grab(true, false).hint(220, SWT.DEFAULT).applyTo(t);
                keyFields.put(k, t);
            }
        } else {
            new Label(fields, SWT.NONE).setText("No keys: the container is created empty");
        }
        fields.layout(true);
        shell.pack();
    }

    void open() {
        shell.pack();
        shell.open();
    }

    void close() {
        if (!shell.isDisposed()) {
            shell.dispose();
        }
    }

    boolean isDisposed() {
        return shell.isDisposed();
    }

    // for UI tests
    public Combo whatCombo() {
        return what;
    }

    /** The key fields of the chosen list, by key name. */
    public Map<String, Text> keyFields() {
        Map<String, Text> out = new LinkedHashMap<>();
        keyFields.forEach((k, t) -> out.put(k.getLocalName(), t));
        return out;
    }

    public List<String> choiceLabels() {
        return new ArrayList<>(List.of(what.getItems()));
    }

    public Button okButton() {
        return ok;
    }

    public Shell shell() {
        return shell;
    }
}
