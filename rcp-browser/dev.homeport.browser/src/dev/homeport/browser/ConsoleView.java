package dev.homeport.browser;

import dev.homeport.browser.ui.ConsolePanel;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

/** Every NETCONF message of the selected device: {@link ConsolePanel}. */
public final class ConsoleView extends ViewPart {
    public static final String ID = "dev.homeport.browser.console";
    private ConsolePanel panel;

    @Override
    public void createPartControl(Composite parent) {
        panel = new ConsolePanel(parent, BrowserRuntime.browser());
    }

    @Override
    public void setFocus() {
        panel.text().setFocus();
    }
}
