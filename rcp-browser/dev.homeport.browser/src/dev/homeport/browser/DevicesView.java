package dev.homeport.browser;

import dev.homeport.browser.ui.DevicesPanel;
import dev.homeport.netconf.callhome.CallHomeServer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The call-home devices view: {@link DevicesPanel} on the application's {@link BrowserRuntime#browser()}. */
public final class DevicesView extends ViewPart {
    public static final String ID = "dev.homeport.browser.devices";
    /** Printed on stdout once the view is on screen; the product test waits for it. */
    static final String READY_LINE = "homeport-browser: Devices view visible";

    private DevicesPanel panel;
    private final IPartListener2 visibility = new IPartListener2() {
        @Override
        public void partVisible(IWorkbenchPartReference ref) {
            if (ref.getPart(false) == DevicesView.this) {
                System.out.println(READY_LINE + " (engine " + engineVersion() + ", "
                        + panel.table().getTable().getColumnCount() + " columns, "
                        + panel.table().getTable().getItemCount() + " devices)");
                System.out.flush();
            }
        }
    };

    @Override
    public void init(IViewSite site) throws PartInitException {
        super.init(site);
        site.getPage().addPartListener(visibility);
    }

    @Override
    public void createPartControl(Composite parent) {
        panel = new DevicesPanel(parent, BrowserRuntime.browser());
    }

    static String engineVersion() {
        Bundle engine = FrameworkUtil.getBundle(CallHomeServer.class);
        return engine == null ? "(not an OSGi bundle)" : engine.getSymbolicName() + " " + engine.getVersion();
    }

    @Override
    public void setFocus() {
        panel.table().getControl().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePartListener(visibility);
        super.dispose();
    }
}
