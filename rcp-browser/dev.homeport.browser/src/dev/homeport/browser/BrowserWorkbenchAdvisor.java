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
    public void initialize(org.eclipse.ui.application.IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(true); // the window's layout is UI state: it comes back on the next run
    }

    @Override
    public void postStartup() {
        if (!demo) {
            // the listeners that were on when the browser last ran
            BrowserRuntime.browser().jobs().submit("Starting the call-home listeners", p -> {
                BrowserRuntime.browser().startEnabledListeners();
                return null;
            }).whenComplete((v, e) -> {
                if (e != null) {
                    System.err.println("homeport-browser: a call-home listener did not start: " + e.getMessage());
                }
            });
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
                window.setShowProgressIndicator(true); // background jobs: progress and cancel
            }
        };
    }
}
