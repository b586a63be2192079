package dev.homeport.netconf.data;

import dev.homeport.netconf.ops.EditConfig.DefaultOperation;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.SafeXml;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.w3c.dom.Element;

/**
 * Scripted benchmark of the data layer on a large get-config reply: N interfaces of ietf-interfaces + ietf-ip
 * (10,000 by default, about 10 MB). Not a test: run it by hand, on a quiet machine.
 *
 * <pre>
 * ./mvnw -q -pl netconf-engine test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java -Xmx2g -Dhomeport.project.root=$PWD -cp netconf-engine/target/test-classes:netconf-engine/target/classes:$(cat \
 *     netconf-engine/target/cp.txt) dev.homeport.netconf.data.DataBenchmark [interfaces]
 * </pre>
 */
public final class DataBenchmark {
    private DataBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        EffectiveModelContext schema = TestModels.ietf();
        String reply = reply(n, 0);
        String changedReply = reply(n, 100);
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        System.out.printf("document: %d interfaces, %.1f MB%n", n, bytes.length / 1e6);

        XmlDataCodec codec = new XmlDataCodec(schema);
        Element data = data(bytes);
        ContainerNode a = codec.parse(data);
        ContainerNode b = codec.parse(data(changedReply.getBytes(StandardCharsets.UTF_8)));
        DataDelta delta = new DataDelta(schema);
        EditApplier applier = new EditApplier(schema);
        String edit = delta.between(a, b).xml();
        System.out.printf("delta for 100 changed interfaces: %d bytes%n", edit.length());

        time("SafeXml.parse (bytes to DOM)", () -> data(bytes));
        time("XmlDataCodec.parse STRICT (DOM to NormalizedNode)", () -> codec.parse(data, XmlDataCodec.Mode.STRICT));
        time("XmlDataCodec.parse LENIENT (DOM to NormalizedNode)", () -> codec.parse(data, XmlDataCodec.Mode.LENIENT));
        time("XmlDataCodec.toXml (NormalizedNode to text)", () -> codec.toXml(a));
        time("DataDelta.between (100 interfaces changed)", () -> delta.between(a, b));
        time("EditApplier parse + apply of that delta", () -> applier.apply(a, applier.parse(edit),
                DefaultOperation.MERGE));
    }

    private static Element data(byte[] bytes) throws Exception {
        return Dom.child(SafeXml.parse(bytes).getDocumentElement(), null, "data").orElseThrow();
    }

    /**
     * Median wall time and median CPU time of this thread over 7 runs after 3 warm-up runs. On a shared machine the
     * CPU time is the steadier figure.
     */
    private static void time(String what, Callable<?> task) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            task.call();
        }
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            task.call();
            wall.add((System.nanoTime() - t0) / 1_000_000);
            cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1_000_000);
        }
        Collections.sort(wall);
        Collections.sort(cpu);
        System.out.printf("%-52s wall %5d ms (min %5d)   cpu %5d ms (min %5d)%n", what, wall.get(3), wall.get(0),
                cpu.get(3), cpu.get(0));
    }

    /** A get-config reply; the first {@code changed} interfaces get another description and MTU. */
    static String reply(int interfaces, int changed) {
        StringBuilder sb = new StringBuilder(interfaces * 1100);
        sb.append("<rpc-reply xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"1\"><data>");
        sb.append("<interfaces xmlns=\"urn:ietf:params:xml:ns:yang:ietf-interfaces\" "
                + "xmlns:ianaift=\"urn:ietf:params:xml:ns:yang:iana-if-type\">\n");
        for (int i = 0; i < interfaces; i++) {
            boolean c = i < changed;
            int a = i / 250;
            int b = i % 250;
            sb.append("  <interface>\n    <name>GigabitEthernet0/").append(i).append("</name>\n")
                    .append("    <description>").append(c ? "changed " : "").append("port ").append(i)
                    .append(" to rack ").append(i / 48).append(" &amp; patch panel ").append(i % 48)
                    .append("</description>\n")
                    .append("    <type>ianaift:ethernetCsmacd</type>\n    <enabled>").append(i % 7 != 0)
                    .append("</enabled>\n")
                    .append("    <ipv4 xmlns=\"urn:ietf:params:xml:ns:yang:ietf-ip\">\n      <enabled>true</enabled>\n")
                    .append("      <forwarding>false</forwarding>\n      <mtu>").append(c ? 9000 : 1500).append("</mtu>\n")
                    .append("      <address><ip>10.").append(a).append('.').append(b)
                    .append(".1</ip><prefix-length>24</prefix-length></address>\n")
                    .append("      <address><ip>172.16.").append(a).append('.').append(b)
                    .append("</ip><netmask>255.255.255.0</netmask></address>\n")
                    .append("      <neighbor><ip>10.").append(a).append('.').append(b)
                    .append(".2</ip><link-layer-address>00:11:22:33:44:55</link-layer-address></neighbor>\n")
                    .append("    </ipv4>\n")
                    .append("    <ipv6 xmlns=\"urn:ietf:params:xml:ns:yang:ietf-ip\">\n      <enabled>true</enabled>\n")
                    .append("      <mtu>1500</mtu>\n      <address><ip>2001:db8:").append(Integer.toHexString(i))
                    .append("::1</ip><prefix-length>64</prefix-length></address>\n")
                    .append("      <dup-addr-detect-transmits>1</dup-addr-detect-transmits>\n")
                    .append("      <autoconf><create-global-addresses>true</create-global-addresses></autoconf>\n")
                    .append("    </ipv6>\n  </interface>\n");
        }
        sb.append("</interfaces></data></rpc-reply>");
        return sb.toString();
    }
}
