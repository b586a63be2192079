package dev.homeport.browser;

import dev.homeport.browser.ui.DataPanel;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

/** The selected device's datastores, editable: {@link DataPanel}. */
public final class DataView extends ViewPart {
    public static final String ID = "dev.homeport.browser.data";
    private DataPanel panel;

    @Override
    public void createPartControl(Composite parent) {
        panel = new DataPanel(parent, BrowserRuntime.browser());
    }

    public DataPanel panel() {
        return panel;
    }

    @Override
    public void setFocus() {
        panel.tree().getControl().setFocus();
    }
}
