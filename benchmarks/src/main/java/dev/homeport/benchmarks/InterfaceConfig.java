package dev.homeport.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration that the get-config benchmark loads into the device: ietf-interfaces entries with ietf-ip
 * addresses, about 1.3 KB of get-config reply per interface as yuma123 prints it (10,000 interfaces: about 13 MB).
 * Every value is valid for the 2014 revisions of ietf-interfaces and ietf-ip that yuma123 2.13 ships.
 */
public final class InterfaceConfig {
    static final String IF_NS = "urn:ietf:params:xml:ns:yang:ietf-interfaces";
    static final String IP_NS = "urn:ietf:params:xml:ns:yang:ietf-ip";

    private InterfaceConfig() {
    }

    /**
     * Writes the interfaces as a yuma123 startup file ({@code <config>} in the NETCONF base namespace), which netconfd
     * validates and loads into running when it starts (about 8 minutes for 10,000 interfaces on the busy 2-core
     * machine of docs/benchmarks.md).
     *
     * <p>{@code java -cp benchmarks.jar dev.homeport.benchmarks.InterfaceConfig --interfaces 10000 --out FILE}
     */
    public static void main(String[] argv) throws Exception {
        Map<String, String> args = DeviceConnection.parseArgs(argv);
        int count = Integer.parseInt(args.getOrDefault("interfaces", "10000"));
        Path out = Path.of(DeviceConnection.required(args, "out"));
        String config = "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">" + interfaces(0, count)
                + "</config>\n";
        Files.writeString(out, config, StandardCharsets.UTF_8);
        System.out.printf("wrote %d interfaces (%.1f MB of config) to %s%n", count, config.length() / 1e6, out);
    }

    /** {@code <interfaces>} with interfaces {@code from} to {@code from + count - 1}: the content of a config. */
    static String interfaces(int from, int count) {
        StringBuilder sb = new StringBuilder(count * 1000 + 100);
        sb.append("<interfaces xmlns=\"").append(IF_NS)
                .append("\" xmlns:ianaift=\"urn:ietf:params:xml:ns:yang:iana-if-type\">");
        for (int i = from; i < from + count; i++) {
            int a = i / 250;
            int b = i % 250;
            sb.append("<interface><name>GigabitEthernet0/").append(i).append("</name>")
                    .append("<description>port ").append(i).append(" to rack ").append(i / 48)
                    .append(" &amp; patch panel ").append(i % 48).append(", customer circuit CX-")
                    .append(100000 + i).append("</description>")
                    .append("<type>ianaift:ethernetCsmacd</type>")
                    .append("<enabled>").append(i % 7 != 0).append("</enabled>")
                    .append("<ipv4 xmlns=\"").append(IP_NS).append("\"><enabled>true</enabled>")
                    .append("<forwarding>false</forwarding><mtu>1500</mtu>")
                    .append("<address><ip>10.").append(a).append('.').append(b)
                    .append(".1</ip><prefix-length>24</prefix-length></address>")
                    .append("<address><ip>172.16.").append(a).append('.').append(b)
                    .append("</ip><netmask>255.255.255.0</netmask></address>")
                    .append("<neighbor><ip>10.").append(a).append('.').append(b)
                    .append(".2</ip><link-layer-address>00:11:22:33:44:55</link-layer-address></neighbor></ipv4>")
                    .append("<ipv6 xmlns=\"").append(IP_NS).append("\"><enabled>true</enabled><mtu>1500</mtu>")
                    .append("<address><ip>2001:db8:").append(Integer.toHexString(i))
                    .append("::1</ip><prefix-length>64</prefix-length></address>")
                    .append("<dup-addr-detect-transmits>1</dup-addr-detect-transmits>")
                    .append("<autoconf><create-global-addresses>true</create-global-addresses></autoconf></ipv6>")
                    .append("</interface>");
        }
        return sb.append("</interfaces>").toString();
    }
}
