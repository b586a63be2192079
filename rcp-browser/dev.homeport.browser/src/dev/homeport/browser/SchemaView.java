package dev.homeport.browser;

import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.ui.RpcDialog;
import dev.homeport.browser.ui.SchemaPanel;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.ActionDefinition;
import org.opendaylight.yangtools.yang.model.api.RpcDefinition;

/**
 * The selected device's schema: {@link SchemaPanel}; double-click on an RPC or action opens the {@link RpcDialog}
 * (an action's target starts from the Data view's selection).
 */
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
            } else if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof ActionDefinition action) {
                browser.selected().ifPresent(c -> {
                    YangInstanceIdentifier selectedData = getSite().getPage().findView(DataView.ID) instanceof DataView dv
                            && dv.panel() != null ? dv.panel().selectedPath().orElse(null) : null;
                    new RpcDialog(parent.getShell(), browser, c, action, selectedData).open();
                });
            }
        });
    }

    @Override
    public void setFocus() {
        panel.tree().getControl().setFocus();
    }
}
