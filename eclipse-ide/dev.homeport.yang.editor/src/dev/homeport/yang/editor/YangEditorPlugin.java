package dev.homeport.yang.editor;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** The plug-in's activator: owns the one language service of the workbench ({@link YangServiceHost}). */
public final class YangEditorPlugin extends AbstractUIPlugin {
    public static final String ID = "dev.homeport.yang.editor";
    private static volatile YangEditorPlugin instance;
    private YangServiceHost host;

    public static YangEditorPlugin plugin() {
        return instance;
    }

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        instance = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        synchronized (this) {
            if (host != null) {
                host.dispose();
                host = null;
            }
        }
        instance = null;
        super.stop(context);
    }

    /** The language service host, started on first use (the first YANG editor or view). */
    public synchronized YangServiceHost host() {
        if (host == null) {
            host = new YangServiceHost(getPreferenceStore());
        }
        return host;
    }

    static void log(String message, Throwable e) {
        ILog.of(YangEditorPlugin.class).log(Status.error(message, e));
    }
}
