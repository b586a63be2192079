package dev.homeport.browser.ui;

import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.DeviceConnection;
import dev.homeport.browser.core.StagedEdits;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * The selected device's staged edits ({@link StagedEdits}): a diff (path, old value, new value, operation) and the
 * exact edit-config XML that will be sent, the lock on the edit target (ours, or the session that holds it), and the
 * actions Validate, Commit (Apply on devices without candidate), Confirmed commit with a countdown and
 * Confirm/Cancel, and Discard. A refusal (a lock held elsewhere, an rpc-error with its path) is shown in red and the
 * staged edits stay.
 */
public final class PendingChangesPanel extends Composite {
    private static final java.util.regex.Pattern STAGED_COUNT = java.util.regex.Pattern.compile(
            "\\d+ staged edits?, not sent yet");
    private final DeviceBrowser browser;
    private final Label lock;
    private final Table diff;
    private final Text xml;
    private final Button validate;
    private final Button commit;
    private final Button confirmedCommit;
    private final Spinner timeout;
    private final Button confirm;
    private final Button cancel;
    private final Button discard;
    private final Label countdown;
    private final Label status;
    private final Consumer<Optional<DeviceConnection>> onSelection;
    private final Consumer<StagedEdits.Event> onChange;
    private DeviceConnection connection;
    private StagedEdits edits;
    private boolean busy;
    private boolean ticking;

    public PendingChangesPanel(Composite parent, DeviceBrowser browser) {
        super(parent, SWT.NONE);
        this.browser = browser;
        setLayout(new GridLayout(1, false));
        lock = new Label(this, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(lock);

        SashForm split = new SashForm(this, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).hint(400, 200).applyTo(split);
        diff = new Table(split, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        diff.setHeaderVisible(true);
        diff.setLinesVisible(true);
        for (String[] c : new String[][] {{"Path", "300"}, {"Old", "140"}, {"New", "140"}, {"Operation", "80"}}) {
            TableColumn col = new TableColumn(diff, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        xml = new Text(split, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.H_SCROLL | SWT.V_SCROLL);
        xml.setFont(JFaceResources.getTextFont());
        xml.setToolTipText("The edit-config that Commit sends, exactly");
        split.setWeights(45, 55);

        // two rows, so that the view stays usable when narrow: plain actions, then the confirmed commit
        Composite actions = new Composite(this, SWT.NONE);
        actions.setLayout(new GridLayout(3, false));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(actions);
        validate = button(actions, "Validate", "Check the staged configuration here and with the device's <validate>");
        commit = button(actions, "Commit", "Send the edits (edit-config) and commit");
        discard = button(actions, "Discard", "Drop every staged edit");
        Composite confirmed = new Composite(this, SWT.NONE);
        confirmed.setLayout(new GridLayout(5, false));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(confirmed);
        confirmedCommit = button(confirmed, "Confirmed commit",
                "Commit that the device rolls back unless confirmed within the timeout");
        timeout = new Spinner(confirmed, SWT.BORDER);
        timeout.setValues(60, 1, 3600, 0, 1, 10);
        timeout.setToolTipText("Seconds to confirm in");
        new Label(confirmed, SWT.NONE).setText("s");
        confirm = button(confirmed, "Confirm", "Keep the confirmed commit");
        cancel = button(confirmed, "Cancel", "Roll the confirmed commit back now (cancel-commit)");
        countdown = new Label(this, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(countdown);
        validate.addListener(SWT.Selection, e -> run("Validating", () -> edits.validate()));
        commit.addListener(SWT.Selection, e -> run(edits.hasCandidate() ? "Committing" : "Applying",
                () -> edits.commit()));
        confirmedCommit.addListener(SWT.Selection, e -> {
            Duration t = Duration.ofSeconds(timeout.getSelection());
            run("Confirmed commit", () -> edits.confirmedCommit(t));
        });
        confirm.addListener(SWT.Selection, e -> run("Confirming", () -> edits.confirm()));
        cancel.addListener(SWT.Selection, e -> run("Cancelling", () -> edits.cancelConfirmed()));
        discard.addListener(SWT.Selection, e -> run("Discarding", () -> edits.discard()));

        status = new Label(this, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(status);

        onSelection = c -> Ui.onUi(this, () -> show(c));
        onChange = e -> Ui.onUi(this, this::refresh);
        browser.addSelectionListener(onSelection);
        addDisposeListener(e -> {
            browser.removeSelectionListener(onSelection);
            if (edits != null) {
                edits.removeListener(onChange);
            }
        });
        show(browser.selected());
    }

    private static Button button(Composite parent, String text, String tip) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        return b;
    }

    private void show(Optional<DeviceConnection> c) {
        if (c.orElse(null) == connection && connection != null) {
            return;
        }
        if (edits != null) {
            edits.removeListener(onChange);
        }
        edits = null;
        connection = c.orElse(null);
        refresh();
        if (connection == null) {
            Ui.status(status, "Select a connected device", false);
            return;
        }
        DeviceConnection now = connection;
        Ui.background(browser.io(), this, now::edits, e -> {
            if (now != connection) {
                return;
            }
            edits = e;
            e.addListener(onChange);
            Ui.status(status, e.lastOutcome().isEmpty() ? "Nothing staged: edit values in the Data view"
                    : e.lastOutcome(), false);
            refresh();
        }, e -> Ui.status(status, "The device's schema failed to load: " + Ui.message(e), true));
    }

    /** Shows the staged edits, the XML, the lock and which actions apply now. */
    private void refresh() {
        StagedEdits e = edits;
        diff.removeAll();
        if (e == null) {
            xml.setText("");
            lock.setText("");
            for (Button b : new Button[] {validate, commit, confirmedCommit, confirm, cancel, discard}) {
                b.setEnabled(false);
            }
            countdown.setText("");
            return;
        }
        for (StagedEdits.Edit edit : e.edits()) {
            TableItem row = new TableItem(diff, SWT.NONE);
            row.setText(new String[] {edit.path(), edit.oldValue(), edit.newValue(), edit.operation().keyword()});
        }
        xml.setText(e.editConfigXml());
        StagedEdits.LockState l = e.lockState();
        lock.setText("Target " + e.target() + " | " + l.text());
        lock.setForeground(getDisplay().getSystemColor(l.holder().isPresent() ? SWT.COLOR_RED
                : SWT.COLOR_WIDGET_FOREGROUND));
        boolean waiting = e.confirmDeadline().isPresent();
        boolean any = !e.isEmpty();
        commit.setText(e.hasCandidate() ? "Commit" : "Apply");
        validate.setEnabled(!busy && any && !waiting);
        commit.setEnabled(!busy && any && !waiting);
        confirmedCommit.setEnabled(!busy && any && !waiting && e.canConfirmCommit());
        timeout.setEnabled(e.canConfirmCommit());
        confirm.setEnabled(!busy && waiting);
        cancel.setEnabled(!busy && waiting);
        discard.setEnabled(!busy && any && !waiting);
        if (!waiting && !busy && e.lastOutcome().startsWith("Not confirmed")
                && !status.getText().equals(e.lastOutcome())) {
            Ui.status(status, e.lastOutcome(), true);
        } else if (!busy && (status.getText().startsWith("Nothing staged") || STAGED_COUNT.matcher(
                status.getText()).matches())) {
            // an idle status line follows the staging; outcomes of actions stay until the next action
            int n = e.edits().size();
            Ui.status(status, n == 0 ? "Nothing staged: edit values in the Data view"
                    : n + " staged edit" + (n == 1 ? "" : "s") + ", not sent yet", false);
        }
        tick();
        layout(true, true);
    }

    /** The countdown of a waiting confirmed commit, once a second. */
    private void tick() {
        StagedEdits e = edits;
        Optional<Instant> deadline = e == null ? Optional.empty() : e.confirmDeadline();
        if (deadline.isEmpty()) {
            countdown.setText("");
            return;
        }
        long left = Math.max(0, Duration.between(Instant.now(), deadline.get()).toMillis() + 999) / 1000;
        countdown.setText("Confirm within " + left + " s, or the device rolls back");
        countdown.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        countdown.getParent().layout(true);
        if (ticking) {
            return;
        }
        ticking = true;
        getDisplay().timerExec(250, () -> {
            ticking = false;
            if (!isDisposed() && edits == e) {
                tick();
            }
        });
    }

    private void run(String what, Callable<String> action) {
        StagedEdits e = edits;
        if (e == null || busy) {
            return;
        }
        busy = true;
        refresh();
        Ui.status(status, what + "...", false);
        Ui.background(browser.io(), this, action, done -> {
            busy = false;
            Ui.status(status, done, false);
            refresh();
        }, ex -> {
            busy = false;
            Ui.status(status, ex instanceof StagedEdits.RefusedException ? ex.getMessage()
                    : what + " failed: " + Ui.message(ex), true);
            refresh();
        });
    }

    // for UI tests
    public Table diffTable() {
        return diff;
    }

    public Text xmlText() {
        return xml;
    }

    public Label lockLine() {
        return lock;
    }

    public Label countdownLine() {
        return countdown;
    }

    public Label statusLine() {
        return status;
    }

    public Spinner timeoutSpinner() {
        return timeout;
    }

    public Button validateButton() {
        return validate;
    }

    public Button commitButton() {
        return commit;
    }

    public Button confirmedCommitButton() {
        return confirmedCommit;
    }

    public Button confirmButton() {
        return confirm;
    }

    public Button cancelButton() {
        return cancel;
    }

    public Button discardButton() {
        return discard;
    }
}
