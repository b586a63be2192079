package dev.homeport.browser;

import dev.homeport.netconf.callhome.CallHomeDevice;
import dev.homeport.netconf.callhome.CallHomeServer;
import dev.homeport.netconf.callhome.CallHomeSettings;
import dev.homeport.netconf.callhome.CallHomeTrust;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The devices the browser knows: for now the (empty) list of a call-home listener that is created but not started.
 * Creating it proves that the engine and MINA SSHD load in the Eclipse runtime.
 */
public final class DevicesView extends ViewPart {
    public static final String ID = "dev.homeport.browser.devices";
    /** Printed on stdout once the view is on screen; the product test waits for it. */
    static final String READY_LINE = "homeport-browser: Devices view visible";

    private CallHomeServer callHome;
    private TableViewer table;
    private final IPartListener2 visibility = new IPartListener2() {
        @Override
        public void partVisible(IWorkbenchPartReference ref) {
            if (ref.getPart(false) == DevicesView.this) {
                System.out.println(READY_LINE + " (engine " + engineVersion() + ", "
                        + table.getTable().getColumnCount() + " columns, " + table.getTable().getItemCount()
                        + " devices)");
                System.out.flush();
            }
        }
    };

    @Override
    public void init(IViewSite site) throws PartInitException {
        super.init(site);
        callHome = new CallHomeServer(CallHomeSettings.defaults().withSsh(new InetSocketAddress("127.0.0.1", 0)),
                CallHomeTrust.inMemory(), device -> Optional.empty());
        site.getPage().addPartListener(visibility);
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label status = new Label(parent, SWT.NONE);
        status.setText("Call home listener: " + (callHome.isRunning() ? "running" : "stopped")
                + "    NETCONF engine " + engineVersion());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        table = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        column("Device", 260, d -> d.fingerprint());
        column("Address", 200, d -> String.valueOf(d.lastAddress()));
        column("State", 160, d -> d.state().toString());
        table.setContentProvider(ArrayContentProvider.getInstance());
        table.setInput(callHome.devices());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.getControl());
    }

    private void column(String title, int width, java.util.function.Function<CallHomeDevice, String> text) {
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

    static String engineVersion() {
        Bundle engine = FrameworkUtil.getBundle(CallHomeServer.class);
        return engine == null ? "(not an OSGi bundle)" : engine.getSymbolicName() + " " + engine.getVersion();
    }

    @Override
    public void setFocus() {
        table.getControl().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePartListener(visibility);
        callHome.close();
        super.dispose();
    }
}
