package dev.homeport.browser;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Devices on top; the selected device's schema (left) and data (right) below. No editor area. */
public final class BrowserPerspective implements IPerspectiveFactory {
    public static final String ID = "dev.homeport.browser.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editors = layout.getEditorArea();
        layout.addStandaloneView(DevicesView.ID, true, IPageLayout.TOP, 0.35f, editors);
        layout.addStandaloneView(SchemaView.ID, true, IPageLayout.BOTTOM, 0.65f, DevicesView.ID);
        layout.addStandaloneView(DataView.ID, true, IPageLayout.RIGHT, 0.4f, SchemaView.ID);
        layout.addStandaloneView(PendingChangesView.ID, true, IPageLayout.RIGHT, 0.6f, DataView.ID);
        // Notifications and Console share a folder under the data view
        var tools = layout.createFolder("dev.homeport.browser.tools", IPageLayout.BOTTOM, 0.6f, DataView.ID);
        tools.addView(NotificationsView.ID);
        tools.addView(ConsoleView.ID);
        for (String id : new String[] {DevicesView.ID, SchemaView.ID, DataView.ID, PendingChangesView.ID}) {
            layout.getViewLayout(id).setCloseable(false);
        }
    }
}
