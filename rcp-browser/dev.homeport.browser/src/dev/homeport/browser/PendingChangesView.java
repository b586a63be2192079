package dev.homeport.browser;

import dev.homeport.browser.ui.PendingChangesPanel;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

/** The selected device's staged edits, their edit-config XML, the lock and commit actions: {@link PendingChangesPanel}. */
public final class PendingChangesView extends ViewPart {
    public static final String ID = "dev.homeport.browser.pending";
    private PendingChangesPanel panel;

    @Override
    public void createPartControl(Composite parent) {
        panel = new PendingChangesPanel(parent, BrowserRuntime.browser());
    }

    @Override
    public void setFocus() {
        panel.diffTable().setFocus();
    }
}
