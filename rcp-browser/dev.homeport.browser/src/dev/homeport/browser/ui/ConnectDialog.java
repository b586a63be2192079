package dev.homeport.browser.ui;

import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.DeviceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
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

/**
 * "Connect...": an ordinary (not call-home) NETCONF device by host and port, over SSH (user and password, or a saved
 * profile) or TLS (the browser's client certificate). The host key or certificate must be pinned already unless
 * "Trust a new key" is ticked. Bad input is shown in the dialog, which stays open; the connection itself runs as a
 * background job of the Devices panel.
 */
public final class ConnectDialog extends Dialog {
    private final DeviceBrowser browser;
    private final Consumer<DeviceBrowser.ConnectRequest> connect;
    private Text host;
    private Text port;
    private Combo transport;
    private Text user;
    private Text password;
    private Combo profile;
    private Button trustNew;
    private Label error;

    ConnectDialog(Shell parent, DeviceBrowser browser, Consumer<DeviceBrowser.ConnectRequest> connect) {
        super(parent);
        this.browser = browser;
        this.connect = connect;
        setBlockOnOpen(false); // the panel carries on; the UI test drives the open dialog
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Connect to a NETCONF device");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite c = (Composite) super.createDialogArea(parent);
        c.setLayout(new GridLayout(2, false));
        String last = browser.state().ui("connect.last").orElse("ssh://127.0.0.1:830");
        new Label(c, SWT.NONE).setText("Transport");
        transport = new Combo(c, SWT.READ_ONLY);
        transport.setItems("SSH", "TLS");
        transport.setText(last.startsWith("tls") ? "TLS" : "SSH");
        host = field(c, "Host", last.replaceFirst("^\\w+://", "").replaceFirst(":\\d+$", ""), SWT.BORDER);
        port = field(c, "Port", last.replaceFirst("^.*:", ""), SWT.BORDER);
        user = field(c, "User", browser.settings().username(), SWT.BORDER);
        password = field(c, "Password", "", SWT.BORDER | SWT.PASSWORD);
        new Label(c, SWT.NONE).setText("or profile");
        profile = new Combo(c, SWT.READ_ONLY);
        List<String> items = new ArrayList<>();
        items.add("(none)");
        browser.credentials().profiles().forEach(p -> items.add(p.name()));
        profile.setItems(items.toArray(String[]::new));
        profile.setText("(none)");
        trustNew = new Button(c, SWT.CHECK);
        trustNew.setText("Trust a new host key or certificate (pin it on first connect)");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(trustNew);
        error = new Label(c, SWT.WRAP);
        error.setForeground(c.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(360, SWT.DEFAULT).applyTo(error);
        return c;
    }

    private static Text field(Composite c, String label, String value, int style) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, style);
        t.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).hint(220, SWT.DEFAULT).applyTo(t);
        return t;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Connect", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        DeviceBrowser.ConnectRequest r;
        try {
            int p;
            try {
                p = Integer.parseInt(port.getText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the port must be a number, not '" + port.getText() + "'");
            }
            String prof = profile.getText().equals("(none)") ? "" : profile.getText();
            r = new DeviceBrowser.ConnectRequest(DeviceEntry.Transport.valueOf(transport.getText()), host.getText(), p,
                    user.getText(), password.getTextChars(), prof, trustNew.getSelection());
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            error.getParent().layout(true);
            return;
        }
        browser.state().ui("connect.last", r.id());
        super.okPressed();
        connect.accept(r);
    }

    /** Presses Connect (the UI test; a user clicks the button). */
    public void pressConnect() {
        okPressed();
    }

    public Text hostField() {
        return host;
    }

    public Text portField() {
        return port;
    }

    public Combo transportChoice() {
        return transport;
    }

    public Text userField() {
        return user;
    }

    public Text passwordField() {
        return password;
    }

    public Combo profileChoice() {
        return profile;
    }

    public Button trustNewKey() {
        return trustNew;
    }

    public Label errorLine() {
        return error;
    }
}
