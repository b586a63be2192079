package dev.homeport.browser;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Opens one window on the Homeport perspective; in demo mode starts the demo once the window is up. */
final class BrowserWorkbenchAdvisor extends WorkbenchAdvisor {
    private final boolean demo;

    BrowserWorkbenchAdvisor(boolean demo) {
        this.demo = demo;
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return BrowserPerspective.ID;
    }

    @Override
    public void postStartup() {
        if (!demo) {
            return;
        }
        Thread.ofPlatform().daemon().name("homeport-demo-start").start(() -> {
            try {
                BrowserRuntime.startDemo();
            } catch (Exception e) {
                System.err.println("homeport-browser: the demo did not start: " + e.getMessage());
            }
        });
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new WorkbenchWindowAdvisor(configurer) {
            @Override
            public void preWindowOpen() {
                IWorkbenchWindowConfigurer window = getWindowConfigurer();
                window.setInitialSize(new Point(1200, 800));
                window.setTitle(demo ? "Homeport (demo)" : "Homeport");
                window.setShowCoolBar(false);
                window.setShowStatusLine(true);
            }
        };
    }
}
