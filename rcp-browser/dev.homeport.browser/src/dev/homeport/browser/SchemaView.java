package dev.homeport.browser;

import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.ui.RpcDialog;
import dev.homeport.browser.ui.SchemaPanel;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.opendaylight.yangtools.yang.model.api.RpcDefinition;

/** The selected device's schema: {@link SchemaPanel}; double-click on an RPC opens the {@link RpcDialog}. */
public final class SchemaView extends ViewPart {
    public static final String ID = "dev.homeport.browser.schema";
    private SchemaPanel panel;

    @Override
    public void createPartControl(Composite parent) {
        DeviceBrowser browser = BrowserRuntime.browser();
        panel = new SchemaPanel(parent, browser);
        panel.tree().addDoubleClickListener(e -> {
            if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof RpcDefinition rpc) {
                browser.selected().ifPresent(c -> {
                    String module = c.schema().context().findModule(rpc.getQName().getModule())
                            .map(m -> m.getName()).orElse("");
                    new RpcDialog(parent.getShell(), browser, c, module + ":" + rpc.getQName().getLocalName()).open();
                });
            }
        });
    }

    @Override
    public void setFocus() {
        panel.tree().getControl().setFocus();
    }
}
