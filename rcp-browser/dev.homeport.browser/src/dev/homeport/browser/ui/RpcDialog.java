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
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.OperationDefinition;

/**
 * The {@link RpcPanel} in a dialog, opened from the Schema view (double-click on an RPC or action); an action's
 * target starts from the Data view's selection when it is one of the action's instances or below one.
 */
public final class RpcDialog extends Dialog {
    private final DeviceBrowser browser;
    private final DeviceConnection connection;
    private final Object initial;
    private final YangInstanceIdentifier preferredTarget;
    private RpcPanel panel;

    /**
     * @param initial the RPC ({@code module:name}) or action ({@code module:name on /path}) to show first, or null
     */
    public RpcDialog(Shell parent, DeviceBrowser browser, DeviceConnection connection, String initial) {
        this(parent, browser, connection, (Object) initial, null);
    }

    /**
     * @param initial         the RPC or action to show first (from the device's schema), or null
     * @param preferredTarget for an action: the data node to start the target with (it or a node below it), or null
     */
    public RpcDialog(Shell parent, DeviceBrowser browser, DeviceConnection connection, OperationDefinition initial,
                     YangInstanceIdentifier preferredTarget) {
        this(parent, browser, connection, (Object) initial, preferredTarget);
    }

    /** An action given by label ({@code module:name on /path}), with the target to start with. */
    public RpcDialog(Shell parent, DeviceBrowser browser, DeviceConnection connection, String initial,
                     YangInstanceIdentifier preferredTarget) {
        this(parent, browser, connection, (Object) initial, preferredTarget);
    }

    private RpcDialog(Shell parent, DeviceBrowser browser, DeviceConnection connection, Object initial,
                      YangInstanceIdentifier preferredTarget) {
        super(parent);
        this.browser = browser;
        this.connection = connection;
        this.initial = initial;
        this.preferredTarget = preferredTarget;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Invoke RPC or action on " + connection);
        shell.setSize(900, 650);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        panel = new RpcPanel(area, browser, connection);
        panel.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        panel.preferTarget(preferredTarget);
        if (initial != null) {
            // the RPC list arrives with the schema, off the UI thread
            Runnable[] tryChoose = new Runnable[1];
            tryChoose[0] = () -> {
                if (!panel.isDisposed() && !choose() && panel.operationCombo().getItemCount() == 0) {
                    panel.getDisplay().timerExec(100, tryChoose[0]);
                }
            };
            tryChoose[0].run();
        }
        return area;
    }

    private boolean choose() {
        return initial instanceof OperationDefinition d ? panel.choose(d) : panel.choose((String) initial);
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
