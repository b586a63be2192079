package dev.homeport.netconf.server.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the heap an idle simulated device costs (tools/measure-device-memory.sh): loads a profile, then makes N
 * devices (each with its own host key) and reports the heap growth per device after full collections; then edits one
 * leaf on every device and reports again (what copy-on-write costs once devices diverge). Not a test: figures are
 * measured and printed, never asserted.
 */
public final class DeviceFootprint {
    private DeviceFootprint() {
    }

    public static void main(String[] args) throws Exception {
        String profileName = args.length > 0 ? args[0] : "home-router";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        Profile profile = Profile.named(profileName);
        long base = used(mem);
        System.out.printf("profile %s loaded: heap %.1f MB (%d modules, %d initial list entries)%n", profileName,
                base / 1e6, profile.modules().size(), profile.initialListEntries());

        List<SimulatedDevice> devices = new ArrayList<>(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            devices.add(new SimulatedDevice("dev-" + i, profile, DeviceKeys.generate(), DeviceUsers.defaults(),
                    SimulatedDevice.Options.defaults()));
        }
        long made = System.nanoTime() - t0;
        long idle = used(mem);
        System.out.printf("%d idle devices made in %.1f s: heap %.1f MB, %.0f bytes per device%n", n, made / 1e9,
                idle / 1e6, (idle - base) / (double) n);

        // one RFC-conforming edit per device, applied as the RPC layer does (parse, apply, validate, install)
        var editor = profile.editor();
        for (SimulatedDevice d : devices) {
            var config = dev.homeport.netconf.xml.SafeXml.parseFragment("<system xmlns=\"urn:ietf:params:xml:ns:yang"
                    + ":ietf-system\"><hostname>" + d.name() + "</hostname></system>");
            d.edit(null, SimulatedDevice.Store.RUNNING, config, dev.homeport.netconf.ops.EditConfig.DefaultOperation.MERGE,
                    dev.homeport.netconf.ops.EditConfig.TestOption.TEST_THEN_SET,
                    dev.homeport.netconf.ops.EditConfig.ErrorOption.ROLLBACK_ON_ERROR);
        }
        long edited = used(mem);
        System.out.printf("after one hostname edit on each: heap %.1f MB, %.0f bytes per device%n", edited / 1e6,
                (edited - base) / (double) n);
        System.out.println("(" + devices.size() + " devices kept reachable; editor " + editor.getClass().getSimpleName()
                + ")");
    }

    private static long used(MemoryMXBean mem) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            best = Math.min(best, mem.getHeapMemoryUsage().getUsed());
        }
        return best;
    }
}
