package dev.homeport.browser.ui;

import dev.homeport.browser.core.BackgroundJobs;
import dev.homeport.browser.core.BrowserSettings;
import dev.homeport.browser.core.CredentialStore;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.DeviceEntry;
import dev.homeport.netconf.callhome.CallHomeEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;

/**
 * The devices: the two call-home listeners (SSH and TLS), each with its port, state and start/stop switch; the login
 * given to trusted devices and the saved credential profiles; then every device, waiting for approval first (with
 * the host-key or certificate fingerprint to check), then connected, then known and offline, then refused. Trust
 * (with the login chosen), Reject, Forget, Disconnect, Reconnect and Connect... act on the selected device;
 * selecting a connected device shows it in the schema and data views. Long work runs as {@link BackgroundJobs}.
 */
public final class DevicesPanel extends Composite {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    /** The login choice that means "the listener's user and password". */
    public static final String LISTENER_LOGIN = "(listener login)";

    private final DeviceBrowser browser;
    private final Text host;
    private final Text sshPort;
    private final Text tlsPort;
    private final Text user;
    private final Text password;
    private final Text certificate;
    private final Text key;
    private final Button sshSwitch;
    private final Button tlsSwitch;
    private final Label sshState;
    private final Label tlsState;
    private final Text profileName;
    private final Button saveProfile;
    private final TableViewer table;
    private final Combo login;
    private final Button trust;
    private final Button reject;
    private final Button forget;
    private final Button disconnect;
    private final Button reconnect;
    private final Button connect;
    private final Label status;
    private final Consumer<CallHomeEvent> onEvent;
    private final Runnable onListenerState;
    private volatile CompletableFuture<?> lastJob = CompletableFuture.completedFuture(null);

    public DevicesPanel(Composite parent, DeviceBrowser browser) {
        super(parent, SWT.NONE);
        this.browser = browser;
        setLayout(new GridLayout(1, false));
        BrowserSettings s = browser.settings();

        Composite loginRow = row(9);
        new Label(loginRow, SWT.NONE).setText("Listen on");
        host = text(loginRow, s.listenHost(), 110, SWT.BORDER);
        new Label(loginRow, SWT.NONE).setText("User");
        user = text(loginRow, s.username(), 80, SWT.BORDER);
        new Label(loginRow, SWT.NONE).setText("Password");
        password = text(loginRow, new String(s.password()), 80, SWT.BORDER | SWT.PASSWORD);
        new Label(loginRow, SWT.NONE).setText("Profile");
        profileName = text(loginRow, "", 80, SWT.BORDER);
        profileName.setMessage("name");
        saveProfile = new Button(loginRow, SWT.PUSH);
        saveProfile.setText("Save profile");
        saveProfile.setToolTipText("Save the user and password above as a named profile (password in secure storage)");
        saveProfile.addListener(SWT.Selection, e -> saveProfile());

        Composite sshRow = row(4);
        new Label(sshRow, SWT.NONE).setText("SSH port");
        sshPort = text(sshRow, String.valueOf(s.sshPort()), 50, SWT.BORDER);
        sshSwitch = new Button(sshRow, SWT.PUSH);
        sshSwitch.addListener(SWT.Selection, e -> toggle(false));
        sshState = new Label(sshRow, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(sshState);

        Composite tlsRow = row(8);
        new Label(tlsRow, SWT.NONE).setText("TLS port");
        tlsPort = text(tlsRow, String.valueOf(s.tlsPort()), 50, SWT.BORDER);
        tlsSwitch = new Button(tlsRow, SWT.PUSH);
        tlsSwitch.addListener(SWT.Selection, e -> toggle(true));
        tlsState = new Label(tlsRow, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(tlsState);
        new Label(tlsRow, SWT.NONE).setText("Client certificate");
        certificate = text(tlsRow, s.tlsCertificate(), 200, SWT.BORDER);
        certificate.setMessage("client.crt (PEM)");
        new Label(tlsRow, SWT.NONE).setText("Key");
        key = text(tlsRow, s.tlsKey(), 200, SWT.BORDER);
        key.setMessage("client.key (PEM)");

        table = new TableViewer(this, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        column("State", 150, DeviceEntry::stateText);
        column("Address", 150, DeviceEntry::address);
        column("Host key / certificate fingerprint", 380, DeviceEntry::identityText);
        column("First seen", 150, d -> TIME.format(d.firstSeen()));
        column("Note", 260, DeviceEntry::note);
        column("Via", 120, d -> d.kind() == DeviceEntry.Kind.CALL_HOME
                ? d.transport() + " call home" : d.transport() + " " + d.host() + ":" + d.port());
        column("Login", 110, d -> d.profile().isEmpty() ? (d.user().isEmpty() ? "" : d.user()) : d.profile());
        table.setContentProvider(ArrayContentProvider.getInstance());
        GridDataFactory.fillDefaults().grab(true, true).hint(600, 120).applyTo(table.getControl());
        table.addSelectionChangedListener(e -> selectionChanged());
        restoreColumnWidths();

        Composite actions = new Composite(this, SWT.NONE);
        actions.setLayout(new GridLayout(9, false));
        new Label(actions, SWT.NONE).setText("Log in with");
        login = new Combo(actions, SWT.READ_ONLY);
        trust = button(actions, "Trust", "Pin this host key or certificate and log in with the login chosen");
        trust.addListener(SWT.Selection, e -> decide(true));
        reject = button(actions, "Reject", "Refuse this device now and when it calls again");
        reject.addListener(SWT.Selection, e -> decide(false));
        forget = button(actions, "Forget", "Unpin its key and drop it from the known devices");
        forget.addListener(SWT.Selection, e -> act("Forgetting", "Forgot", d -> browser.forget(d.id())));
        disconnect = button(actions, "Disconnect", "Close its NETCONF session");
        disconnect.addListener(SWT.Selection, e -> act("Disconnecting", "Disconnected", d -> browser.disconnect(d.id())));
        reconnect = button(actions, "Reconnect", "Connect again to a device reached with Connect...");
        reconnect.addListener(SWT.Selection, e -> act("Reconnecting", "Reconnected", d -> browser.reconnect(d.id())));
        connect = button(actions, "Connect...", "Connect to an ordinary (not call-home) NETCONF device");
        connect.addListener(SWT.Selection, e -> openConnectDialog());
        status = new Label(actions, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(actions);

        onEvent = e -> Ui.onUi(this, this::refresh);
        onListenerState = () -> Ui.onUi(this, this::refresh);
        browser.addEventListener(onEvent);
        browser.addListenerStateListener(onListenerState);
        addDisposeListener(e -> {
            saveColumnWidths();
            browser.removeEventListener(onEvent);
            browser.removeListenerStateListener(onListenerState);
        });
        refreshProfiles();
        refresh();
    }

    private Composite row(int columns) {
        Composite r = new Composite(this, SWT.NONE);
        GridLayout l = new GridLayout(columns, false);
        l.marginHeight = 0;
        r.setLayout(l);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(r);
        return r;
    }

    private static Text text(Composite parent, String value, int width, int style) {
        Text t = new Text(parent, style);
        t.setText(value);
        GridDataFactory.swtDefaults().hint(width, SWT.DEFAULT).applyTo(t);
        return t;
    }

    private static Button button(Composite parent, String label, String tip) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(label);
        b.setToolTipText(tip);
        return b;
    }

    private void column(String title, int width, Function<DeviceEntry, String> text) {
        TableViewerColumn c = new TableViewerColumn(table, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((DeviceEntry) element);
            }
        });
    }

    /** Column widths are UI state: kept in the browser's state file between runs. */
    private void restoreColumnWidths() {
        browser.state().ui("devices.columns").ifPresent(w -> {
            String[] widths = w.split(",");
            TableColumn[] cols = table.getTable().getColumns();
            for (int i = 0; i < Math.min(widths.length, cols.length); i++) {
                try {
                    cols[i].setWidth(Integer.parseInt(widths[i]));
                } catch (NumberFormatException e) {
                    // keep the default width
                }
            }
        });
    }

    /** Saves the column widths as UI state (also on dispose). */
    public void saveColumnWidths() {
        List<String> widths = new ArrayList<>();
        for (TableColumn c : table.getTable().getColumns()) {
            widths.add(String.valueOf(c.getWidth()));
        }
        browser.state().ui("devices.columns", String.join(",", widths));
        try {
            browser.state().save();
        } catch (java.io.IOException e) {
            // UI state only
        }
    }

    private BrowserSettings typedSettings() {
        return browser.settings().withListeners(host.getText(), sshPort.getText(), tlsPort.getText(), user.getText(),
                password.getTextChars()).withTls(BrowserSettingsPorts.tls(tlsPort.getText()), certificate.getText(),
                key.getText());
    }

    /** The SSH or TLS listener's switch. */
    private void toggle(boolean tls) {
        boolean start = !(tls ? browser.isTlsListening() : browser.isSshListening());
        BrowserSettings next;
        try {
            next = typedSettings();
        } catch (IllegalArgumentException e) {
            Ui.status(status, e.getMessage(), true);
            return;
        }
        Button sw = tls ? tlsSwitch : sshSwitch;
        sw.setEnabled(false);
        String name = (start ? "Starting" : "Stopping") + " the " + (tls ? "TLS" : "SSH") + " call-home listener";
        job(name, p -> {
            browser.applySettings(next);
            if (start && tls) {
                browser.startTls(true);
            } else if (start) {
                browser.startSsh(true);
            } else if (tls) {
                browser.stopTls(true);
            } else {
                browser.stopSsh(true);
            }
            return null;
        }, ok -> {
            sw.setEnabled(true);
            Ui.status(status, "", false);
            refresh();
        }, e -> {
            sw.setEnabled(true);
            Ui.status(status, (tls ? "TLS" : "SSH") + " listener: " + Ui.message(e), true);
            refresh();
        });
    }

    private void saveProfile() {
        String name = profileName.getText().trim();
        CredentialStore.Profile p;
        try {
            p = new CredentialStore.Profile(name, user.getText());
        } catch (IllegalArgumentException e) {
            Ui.status(status, e.getMessage(), true);
            return;
        }
        char[] pw = password.getTextChars();
        job("Saving profile " + name, x -> {
            browser.credentials().save(p, pw);
            return null;
        }, ok -> {
            Ui.status(status, "Saved profile " + name + " (user " + p.user() + ")", false);
            refreshProfiles();
            login.setText(name);
        }, e -> Ui.status(status, "Profile: " + Ui.message(e), true));
    }

    private void refreshProfiles() {
        String current = login.getText();
        List<String> items = new ArrayList<>();
        items.add(LISTENER_LOGIN);
        browser.credentials().profiles().forEach(p -> items.add(p.name()));
        login.setItems(items.toArray(String[]::new));
        login.setText(items.contains(current) ? current : LISTENER_LOGIN);
    }

    /** The login chosen for Trust: empty for the listener's, else a profile name. */
    private String chosenProfile() {
        String l = login.getText();
        return l.equals(LISTENER_LOGIN) ? "" : l;
    }

    private void decide(boolean trustIt) {
        DeviceEntry d = selectedDevice();
        if (d == null) {
            return;
        }
        String profile = chosenProfile();
        job((trustIt ? "Trusting " : "Rejecting ") + d.fingerprint(), p -> {
            p.begin((trustIt ? "Trust and log in to " : "Reject ") + d.fingerprint(), 1);
            if (trustIt) {
                browser.trust(d.fingerprint(), profile);
            } else {
                browser.reject(d.fingerprint());
            }
            p.worked(1);
            return null;
        }, ok -> {
            Ui.status(status, (trustIt ? "Trusted " : "Rejected ") + d.fingerprint()
                    + (trustIt && !profile.isEmpty() ? " (profile " + profile + ")" : ""), false);
            refresh();
        }, e -> Ui.status(status, Ui.message(e), true));
    }

    @FunctionalInterface
    private interface DeviceAction {
        void run(DeviceEntry d) throws Exception;
    }

    private void act(String doing, String done, DeviceAction action) {
        DeviceEntry d = selectedDevice();
        if (d == null) {
            return;
        }
        job(doing + " " + d.id(), p -> {
            action.run(d);
            return null;
        },
                ok -> {
                    Ui.status(status, done + " " + d.id(), false);
                    refresh();
                }, e -> {
                    Ui.status(status, Ui.message(e), true);
                    refresh();
                });
    }

    private void openConnectDialog() {
        ConnectDialog dialog = new ConnectDialog(getShell(), browser, this::connectTo);
        dialog.open();
        lastDialog = dialog;
    }

    private ConnectDialog lastDialog;

    /** Runs "Connect..." for what the dialog gives. */
    void connectTo(DeviceBrowser.ConnectRequest r) {
        job("Connecting to " + r.id(), p -> {
            p.begin("Connect to " + r.id(), -1);
            return browser.connect(r);
        }, c -> {
            Ui.status(status, "Connected to " + r.id(), false);
            refresh();
            select(r.id());
        }, e -> {
            Ui.status(status, "Connect to " + r.id() + ": " + Ui.message(e), true);
            refresh();
        });
    }

    private <T> void job(String name, BackgroundJobs.Work<T> work, Consumer<T> done, Consumer<Exception> failed) {
        lastJob = Ui.job(browser.jobs(), name, this, work, done, failed);
    }

    private DeviceEntry selectedDevice() {
        return (DeviceEntry) ((IStructuredSelection) table.getSelection()).getFirstElement();
    }

    private void select(String id) {
        browser.entry(id).ifPresent(e -> table.setSelection(new StructuredSelection(e), true));
        selectionChanged();
    }

    private void selectionChanged() {
        DeviceEntry d = selectedDevice();
        boolean callHome = d != null && d.kind() == DeviceEntry.Kind.CALL_HOME;
        boolean live = d != null && browser.connection(d.id()).isPresent();
        trust.setEnabled(callHome && (d.state() == DeviceEntry.State.PENDING
                || d.state() == DeviceEntry.State.REFUSED) && isLive(d));
        reject.setEnabled(callHome && d.state() != DeviceEntry.State.REFUSED && isLive(d));
        forget.setEnabled(d != null && d.state() != DeviceEntry.State.PENDING);
        disconnect.setEnabled(live);
        reconnect.setEnabled(d != null && d.kind() == DeviceEntry.Kind.DIRECT);
        String current = browser.selected().map(c -> c.id()).orElse(null);
        String wanted = live ? d.id() : null;
        if (!Objects.equals(current, wanted)) {
            browser.select(wanted);
        }
    }

    /** Seen by a running listener in this run (a remembered device cannot be trusted until it calls). */
    private boolean isLive(DeviceEntry d) {
        return browser.devices().stream().anyMatch(x -> x.fingerprint().equals(d.id()));
    }

    /** Re-reads the listeners and the devices (cheap: the engine keeps them in memory). */
    public void refresh() {
        if (isDisposed()) {
            return;
        }
        boolean ssh = browser.isSshListening();
        boolean tls = browser.isTlsListening();
        sshSwitch.setText(ssh ? "Stop SSH" : "Start SSH");
        tlsSwitch.setText(tls ? "Stop TLS" : "Start TLS");
        sshState.setText(ssh ? "Call home (SSH) listening on " + browser.sshAddress().map(DevicesPanel::where)
                .orElse("?") : "SSH call home stopped");
        tlsState.setText(tls ? "Call home (TLS) listening on " + browser.tlsAddress().map(DevicesPanel::where)
                .orElse("?") : "TLS call home stopped");
        host.setEnabled(!ssh && !tls);
        sshPort.setEnabled(!ssh);
        tlsPort.setEnabled(!tls);
        certificate.setEnabled(!tls);
        key.setEnabled(!tls);
        String selectedId = selectedDevice() == null ? browser.state().ui("selected").orElse(null)
                : selectedDevice().id();
        List<DeviceEntry> devices = browser.entries();
        table.setInput(devices);
        table.refresh(true);
        devices.stream().filter(e -> e.id().equals(selectedId)).findFirst()
                .ifPresent(e -> table.setSelection(new StructuredSelection(e), true));
        selectionChanged();
        layout(true, true);
    }

    private static String where(java.net.InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    // for UI tests: the real widgets

    /** The "Listen" switch of SSH (the one listener before TLS existed). */
    public Button listenButton() {
        return sshSwitch;
    }

    public Button sshSwitch() {
        return sshSwitch;
    }

    public Button tlsSwitch() {
        return tlsSwitch;
    }

    public TableViewer table() {
        return table;
    }

    public Button trustButton() {
        return trust;
    }

    public Button rejectButton() {
        return reject;
    }

    public Button forgetButton() {
        return forget;
    }

    public Button disconnectButton() {
        return disconnect;
    }

    public Button reconnectButton() {
        return reconnect;
    }

    public Button connectButton() {
        return connect;
    }

    public Combo loginChoice() {
        return login;
    }

    public Text profileNameField() {
        return profileName;
    }

    public Button saveProfileButton() {
        return saveProfile;
    }

    public Text userField() {
        return user;
    }

    public Text passwordField() {
        return password;
    }

    public Text tlsPortField() {
        return tlsPort;
    }

    public Text certificateField() {
        return certificate;
    }

    public Text keyField() {
        return key;
    }

    public Label statusLine() {
        return status;
    }

    /** The SSH listener's state line. */
    public Label listenerStateLine() {
        return sshState;
    }

    public Label tlsStateLine() {
        return tlsState;
    }

    /** The dialog the last "Connect..." opened. */
    public ConnectDialog connectDialog() {
        return lastDialog;
    }

    /** The last background job this panel started (tests wait on it). */
    public CompletableFuture<?> lastJob() {
        return lastJob;
    }

    /** Parses the TLS port field. */
    private static final class BrowserSettingsPorts {
        static int tls(String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the TLS call-home port must be a number, not '" + text + "'");
            }
        }
    }
}
