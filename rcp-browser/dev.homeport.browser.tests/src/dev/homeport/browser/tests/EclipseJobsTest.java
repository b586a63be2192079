package dev.homeport.browser.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeport.browser.core.BackgroundJobs;
import dev.homeport.browser.core.EclipseJobs;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;

/**
 * The browser's background work as Eclipse Jobs, in Equinox: a named user job that the job manager lists while it
 * runs, whose result reaches the caller, and whose cancel (as the progress view's button does) stops blocking work.
 */
class EclipseJobsTest {
    private final BackgroundJobs jobs = new EclipseJobs();

    @Test
    void workRunsAsANamedUserJobAndItsResultComesBack() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var result = jobs.submit("Connecting to ssh://127.0.0.1:830", p -> {
            p.begin("Connect", -1);
            p.step("key exchange");
            running.countDown();
            release.await(30, TimeUnit.SECONDS);
            return "connected";
        });
        assertTrue(running.await(30, TimeUnit.SECONDS));
        Job[] found = java.util.Arrays.stream(Job.getJobManager().find(EclipseJobs.FAMILY))
                .filter(j -> j.getName().startsWith("Connecting")).toArray(Job[]::new);
        assertEquals(1, found.length);
        assertEquals("Connecting to ssh://127.0.0.1:830", found[0].getName());
        assertTrue(found[0].isUser(), "a user job: shown with progress and a cancel button");
        assertEquals(Job.RUNNING, found[0].getState());
        release.countDown();
        assertEquals("connected", result.get(30, TimeUnit.SECONDS));
        assertThrows(ExecutionException.class, () -> jobs.submit("Failing", p -> {
            throw new java.io.IOException("no route to host");
        }).get(30, TimeUnit.SECONDS));
    }

    @Test
    void cancellingTheJobInterruptsBlockingWorkAndCancelsTheResult() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        var result = jobs.submit("Loading the schema of a slow device", p -> {
            running.countDown();
            Thread.sleep(60_000); // blocking I/O stands here; cancel interrupts it
            return "never";
        });
        assertTrue(running.await(30, TimeUnit.SECONDS));
        Job job = java.util.Arrays.stream(Job.getJobManager().find(EclipseJobs.FAMILY))
                .filter(j -> j.getName().equals("Loading the schema of a slow device")).findFirst().orElseThrow();
        job.cancel(); // what the progress view's cancel button does
        assertThrows(CancellationException.class, () -> result.get(30, TimeUnit.SECONDS));
        assertTrue(job.join(30_000, null), "the job ended");
    }
}
