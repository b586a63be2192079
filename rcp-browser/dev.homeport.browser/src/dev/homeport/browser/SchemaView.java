package dev.homeport.browser;

import dev.homeport.browser.ui.SchemaPanel;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

/** The selected device's schema: {@link SchemaPanel}. */
public final class SchemaView extends ViewPart {
    public static final String ID = "dev.homeport.browser.schema";
    private SchemaPanel panel;

    @Override
    public void createPartControl(Composite parent) {
        panel = new SchemaPanel(parent, BrowserRuntime.browser());
    }

    @Override
    public void setFocus() {
        panel.tree().getControl().setFocus();
    }
}
