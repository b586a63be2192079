package dev.homeport.browser.core;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * {@link BackgroundJobs} as Eclipse Jobs (the application sets it on its {@link DeviceBrowser}; the panels do not
 * know): each piece of work is a user job (shown in the progress area with its
 * task, steps and a cancel button). Cancel in the UI cancels the work's {@link BackgroundJobs.Progress} and
 * interrupts its thread; cancelling the returned future cancels the job.
 */
public final class EclipseJobs implements BackgroundJobs {
    /** Jobs of this family are the browser's: {@code Job.getJobManager().find(EclipseJobs.FAMILY)}. */
    public static final Object FAMILY = EclipseJobs.class;

    @Override
    public <T> CompletableFuture<T> submit(String name, Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Job job = new Job(name) {
            private volatile Thread thread;

            @Override
            protected IStatus run(IProgressMonitor monitor) {
                thread = Thread.currentThread();
                monitor.beginTask(name, IProgressMonitor.UNKNOWN);
                Progress p = new Progress() {
                    @Override
                    public void begin(String task, int units) {
                        monitor.setTaskName(task);
                    }

                    @Override
                    public void step(String what) {
                        monitor.subTask(what);
                    }

                    @Override
                    public void worked(int units) {
                        monitor.worked(units);
                    }

                    @Override
                    public boolean isCanceled() {
                        return monitor.isCanceled();
                    }
                };
                try {
                    result.complete(work.run(p));
                    return Status.OK_STATUS;
                } catch (CancellationException e) {
                    result.cancel(false);
                    return Status.CANCEL_STATUS;
                } catch (Exception | LinkageError e) {
                    if (monitor.isCanceled()) {
                        result.cancel(false);
                        return Status.CANCEL_STATUS;
                    }
                    // the panel shows the failure on its status line; the job ends quietly (no error dialog)
                    result.completeExceptionally(e);
                    return Status.OK_STATUS;
                } finally {
                    thread = null;
                    Thread.interrupted(); // a cancel's interrupt must not leak into the next job on this thread
                    monitor.done();
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }

            @Override
            protected void canceling() {
                Thread t = thread;
                if (t != null) {
                    t.interrupt(); // blocking NETCONF and socket calls end on interrupt
                }
            }
        };
        job.setUser(true);
        result.whenComplete((v, e) -> {
            if (result.isCancelled()) {
                job.cancel();
            }
        });
        job.schedule();
        return result;
    }
}
