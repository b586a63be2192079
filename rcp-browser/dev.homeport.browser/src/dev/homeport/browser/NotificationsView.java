package dev.homeport.browser;

import dev.homeport.browser.ui.NotificationsPanel;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

/** RFC 5277 notifications of the selected device: {@link NotificationsPanel}. */
public final class NotificationsView extends ViewPart {
    public static final String ID = "dev.homeport.browser.notifications";
    private NotificationsPanel panel;

    @Override
    public void createPartControl(Composite parent) {
        panel = new NotificationsPanel(parent, BrowserRuntime.browser());
    }

    @Override
    public void setFocus() {
        panel.table().setFocus();
    }
}
