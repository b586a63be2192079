package dev.homeport.benchmarks.callhome;

import java.lang.management.ManagementFactory;

/** Heap, CPU and thread figures of this JVM, the same way on both sides of the call-home scale run. */
final class Measure {
    private Measure() {
    }

    /** Heap in use after full collections: what is live, not what is merely allocated. */
    static long liveHeapBytes() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(300);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** CPU time of the whole process (all threads, the collector's included). */
    static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    /** Live platform threads. */
    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Keeps the process (and its sessions) alive until the script ends it. */
    static void hold() throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
