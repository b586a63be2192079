package dev.homeport.browser;

import java.util.Arrays;
import java.util.List;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/**
 * The Homeport desktop browser: an Eclipse RCP workbench with the Devices, Schema and Data views. With the program
 * argument {@code -demo} ({@code ./homeport demo}) it also starts listening on loopback and lets a simulated device
 * call home. {@code -port N} sets the SSH call-home port (default 4334; 0 takes any free port).
 */
public final class BrowserApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Object raw = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> args = raw instanceof String[] a ? Arrays.asList(a) : List.of();
        boolean demo = args.contains("-demo") || args.contains("--demo");
        int port = args.indexOf("-port");
        if (port >= 0 && port + 1 < args.size()) {
            // the call-home port (tests use 0: any free port)
            try {
                var s = BrowserRuntime.browser().settings();
                BrowserRuntime.browser().applySettings(s.withSshPort(Integer.parseInt(args.get(port + 1))));
            } catch (Exception e) {
                System.err.println("homeport-browser: ignoring -port " + args.get(port + 1) + ": " + e.getMessage());
            }
        }
        Display display = PlatformUI.createDisplay();
        try {
            int code = PlatformUI.createAndRunWorkbench(display, new BrowserWorkbenchAdvisor(demo));
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            BrowserRuntime.shutdown();
            display.dispose();
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
