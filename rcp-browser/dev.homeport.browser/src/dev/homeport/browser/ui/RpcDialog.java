package dev.homeport.browser.ui;

import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.DeviceConnection;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/** The {@link RpcPanel} in a dialog, opened from the Schema view (double-click on an RPC). */
public final class RpcDialog extends Dialog {
    private final DeviceBrowser browser;
    private final DeviceConnection connection;
    private final String initial;
    private RpcPanel panel;

    /** @param initial the RPC to show first ({@code module:name}), or null */
    public RpcDialog(Shell parent, DeviceBrowser browser, DeviceConnection connection, String initial) {
        super(parent);
        this.browser = browser;
        this.connection = connection;
        this.initial = initial;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Invoke RPC on " + connection);
        shell.setSize(900, 650);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        panel = new RpcPanel(area, browser, connection);
        panel.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        if (initial != null) {
            // the RPC list arrives with the schema, off the UI thread
            Runnable[] tryChoose = new Runnable[1];
            tryChoose[0] = () -> {
                if (!panel.isDisposed() && !panel.choose(initial) && panel.operationCombo().getItemCount() == 0) {
                    panel.getDisplay().timerExec(100, tryChoose[0]);
                }
            };
            tryChoose[0].run();
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int id) {
        close();
    }

    public RpcPanel panel() {
        return panel;
    }
}
