package dev.homeport.browser;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The browser's layout: the Devices view fills the window (there is no editor area yet). */
public final class BrowserPerspective implements IPerspectiveFactory {
    public static final String ID = "dev.homeport.browser.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        layout.addStandaloneView(DevicesView.ID, true, IPageLayout.LEFT, 1.0f, layout.getEditorArea());
        layout.getViewLayout(DevicesView.ID).setCloseable(false);
    }
}
