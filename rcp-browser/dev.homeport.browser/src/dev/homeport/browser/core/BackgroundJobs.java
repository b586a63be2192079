package dev.homeport.browser.core;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Long work (listening, trust and login, connecting, schema download) run in the background under a name the user
 * sees, with progress and cancel. Plain Java, so that the panels run without the workbench (UI tests); the workbench
 * maps it to Eclipse Jobs (progress view, cancel button), see {@link EclipseJobs}.
 */
public interface BackgroundJobs {

    /** A piece of work that reports progress and checks for cancel. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** What work tells the user about its progress, and how it learns that it was cancelled. */
    interface Progress {
        /** Starts a task of {@code units} steps (or unknown, {@code -1}). */
        void begin(String task, int units);

        /** What is being done now. */
        void step(String what);

        void worked(int units);

        boolean isCanceled();

        /** Throws {@link CancellationException} when the user cancelled. */
        default void checkCanceled() {
            if (isCanceled()) {
                throw new CancellationException("cancelled");
            }
        }

        Progress NONE = new Progress() {
            @Override
            public void begin(String task, int units) {
            }

            @Override
            public void step(String what) {
            }

            @Override
            public void worked(int units) {
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        };
    }

    /**
     * Runs {@code work} in the background as a job called {@code name}; the future completes with its result, its
     * failure, or a {@link CancellationException}. Cancelling the future cancels the job (and interrupts its thread).
     */
    <T> CompletableFuture<T> submit(String name, Work<T> work);

    /** Jobs on a plain executor: cancel flag and thread interrupt, progress kept for whoever asks (tests, status). */
    static BackgroundJobs on(ExecutorService executor) {
        return new BackgroundJobs() {
            @Override
            public <T> CompletableFuture<T> submit(String name, Work<T> work) {
                AtomicBoolean cancelled = new AtomicBoolean();
                CompletableFuture<T> result = new CompletableFuture<>() {
                    @Override
                    public boolean cancel(boolean mayInterrupt) {
                        cancelled.set(true);
                        return super.cancel(mayInterrupt);
                    }
                };
                Progress p = new Progress() {
                    @Override
                    public void begin(String task, int units) {
                    }

                    @Override
                    public void step(String what) {
                    }

                    @Override
                    public void worked(int units) {
                    }

                    @Override
                    public boolean isCanceled() {
                        return cancelled.get() || Thread.currentThread().isInterrupted();
                    }
                };
                Future<?> running = executor.submit(() -> {
                    try {
                        result.complete(work.run(p));
                    } catch (Exception | LinkageError e) {
                        result.completeExceptionally(e);
                    }
                });
                result.whenComplete((v, e) -> {
                    if (result.isCancelled()) {
                        running.cancel(true);
                    }
                });
                return result;
            }
        };
    }
}
