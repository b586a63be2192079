package dev.homeport.browser.ui;

import dev.homeport.browser.core.BrowserSettings;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.netconf.callhome.CallHomeDevice;
import dev.homeport.netconf.callhome.CallHomeEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The call-home devices: the listener's settings and state with a start/stop switch, then every device the
 * listener has seen, waiting for approval first (with the host-key fingerprint to check), then connected, then known
 * and offline, then refused. Trust and Reject act on the selected device; selecting a connected device shows it in
 * the schema and data views.
 */
public final class DevicesPanel extends Composite {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final DeviceBrowser browser;
    private final Text host;
    private final Text port;
    private final Text user;
    private final Text password;
    private final Button listen;
    private final Label listenerState;
    private final TableViewer table;
    private final Button trust;
    private final Button reject;
    private final Label status;
    private final Consumer<CallHomeEvent> onEvent;
    private final Runnable onListenerState;

    public DevicesPanel(Composite parent, DeviceBrowser browser) {
        super(parent, SWT.NONE);
        this.browser = browser;
        setLayout(new GridLayout(1, false));

        Composite settings = new Composite(this, SWT.NONE);
        settings.setLayout(new GridLayout(9, false));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(settings);
        BrowserSettings s = browser.settings();
        new Label(settings, SWT.NONE).setText("Listen on");
        host = text(settings, s.listenHost(), 110, SWT.BORDER);
        new Label(settings, SWT.NONE).setText("SSH port");
        port = text(settings, String.valueOf(s.sshPort()), 50, SWT.BORDER);
        new Label(settings, SWT.NONE).setText("User");
        user = text(settings, s.username(), 80, SWT.BORDER);
        new Label(settings, SWT.NONE).setText("Password");
        password = text(settings, new String(s.password()), 80, SWT.BORDER | SWT.PASSWORD);
        listen = new Button(settings, SWT.PUSH);
        listen.addListener(SWT.Selection, e -> toggleListener());

        listenerState = new Label(this, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(listenerState);

        table = new TableViewer(this, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        column("State", 150, DevicesPanel::stateText);
        column("Address", 150, d -> d.lastAddress() == null ? "" : d.lastAddress().getAddress().getHostAddress()
                + ":" + d.lastAddress().getPort());
        column("Host key fingerprint", 380, d -> d.keyType() + " " + d.fingerprint());
        column("First seen", 150, d -> TIME.format(d.firstSeen()));
        column("Note", 260, d -> d.refusal().orElse(""));
        table.setContentProvider(ArrayContentProvider.getInstance());
        GridDataFactory.fillDefaults().grab(true, true).hint(600, 120).applyTo(table.getControl());
        table.addSelectionChangedListener(e -> selectionChanged());

        Composite actions = new Composite(this, SWT.NONE);
        actions.setLayout(new GridLayout(3, false));
        trust = new Button(actions, SWT.PUSH);
        trust.setText("Trust");
        trust.setToolTipText("Pin this host key and log in with the user and password above");
        trust.addListener(SWT.Selection, e -> decide(true));
        reject = new Button(actions, SWT.PUSH);
        reject.setText("Reject");
        reject.addListener(SWT.Selection, e -> decide(false));
        status = new Label(actions, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(actions);

        onEvent = e -> Ui.onUi(this, this::refresh);
        onListenerState = () -> Ui.onUi(this, this::refresh);
        browser.addEventListener(onEvent);
        browser.addListenerStateListener(onListenerState);
        addDisposeListener(e -> {
            browser.removeEventListener(onEvent);
            browser.removeListenerStateListener(onListenerState);
        });
        refresh();
    }

    private static Text text(Composite parent, String value, int width, int style) {
        Text t = new Text(parent, style);
        t.setText(value);
        GridDataFactory.swtDefaults().hint(width, SWT.DEFAULT).applyTo(t);
        return t;
    }

    private void column(String title, int width, Function<CallHomeDevice, String> text) {
        TableViewerColumn c = new TableViewerColumn(table, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((CallHomeDevice) element);
            }
        });
    }

    static String stateText(CallHomeDevice d) {
        return switch (d.state()) {
            case PENDING -> "waiting for approval";
            case CONNECTING -> "connecting";
            case CONNECTED -> "connected";
            case OFFLINE -> "known, offline";
            case REFUSED -> "blocked";
        };
    }

    private static int order(CallHomeDevice d) {
        return switch (d.state()) {
            case PENDING -> 0;
            case CONNECTING, CONNECTED -> 1;
            case OFFLINE -> 2;
            case REFUSED -> 3;
        };
    }

    private void toggleListener() {
        boolean start = !browser.isListening();
        BrowserSettings next;
        try {
            next = BrowserSettings.parse(host.getText(), port.getText(), user.getText(), password.getTextChars());
        } catch (IllegalArgumentException e) {
            Ui.status(status, e.getMessage(), true);
            return;
        }
        listen.setEnabled(false);
        Ui.background(browser.io(), this, () -> {
            browser.applySettings(next);
            if (start) {
                browser.startListening();
            } else {
                browser.stopListening();
            }
            return null;
        }, ok -> {
            listen.setEnabled(true);
            Ui.status(status, "", false);
            refresh();
        }, e -> {
            listen.setEnabled(true);
            Ui.status(status, "Listener: " + Ui.message(e), true);
            refresh();
        });
    }

    private void decide(boolean trustIt) {
        CallHomeDevice d = selectedDevice();
        if (d == null) {
            return;
        }
        Ui.background(browser.io(), this, () -> {
            if (trustIt) {
                browser.trust(d.fingerprint());
            } else {
                browser.reject(d.fingerprint());
            }
            return null;
        }, ok -> {
            Ui.status(status, (trustIt ? "Trusted " : "Rejected ") + d.fingerprint(), false);
            refresh();
        }, e -> Ui.status(status, Ui.message(e), true));
    }

    private CallHomeDevice selectedDevice() {
        return (CallHomeDevice) ((IStructuredSelection) table.getSelection()).getFirstElement();
    }

    private void selectionChanged() {
        CallHomeDevice d = selectedDevice();
        trust.setEnabled(d != null && (d.state() == CallHomeDevice.State.PENDING
                || d.state() == CallHomeDevice.State.REFUSED));
        reject.setEnabled(d != null && d.state() != CallHomeDevice.State.REFUSED);
        String current = browser.selected().map(c -> c.device().fingerprint()).orElse(null);
        String wanted = d != null && d.state() == CallHomeDevice.State.CONNECTED ? d.fingerprint() : null;
        if (!java.util.Objects.equals(current, wanted)) {
            browser.select(wanted);
        }
    }

    /** Re-reads the listener and the devices (cheap: the engine keeps them in memory). */
    public void refresh() {
        if (isDisposed()) {
            return;
        }
        boolean on = browser.isListening();
        listen.setText(on ? "Stop listening" : "Start listening");
        listenerState.setText(on
                ? "Call home (SSH) listening on " + browser.sshAddress().map(a -> a.getAddress().getHostAddress()
                        + ":" + a.getPort()).orElse("?")
                : "Call home listener stopped");
        for (Text t : List.of(host, port)) {
            t.setEnabled(!on);
        }
        List<CallHomeDevice> devices = browser.devices().stream()
                .sorted(Comparator.comparingInt(DevicesPanel::order)
                        .thenComparing(CallHomeDevice::firstSeen)).toList();
        table.setInput(devices);
        table.refresh(true);
        selectionChanged();
        layout(true, true);
    }

    // for UI tests: the real widgets
    public TableViewer table() {
        return table;
    }

    public Button trustButton() {
        return trust;
    }

    public Button rejectButton() {
        return reject;
    }

    public Button listenButton() {
        return listen;
    }

    public Label statusLine() {
        return status;
    }

    public Label listenerStateLine() {
        return listenerState;
    }
}
