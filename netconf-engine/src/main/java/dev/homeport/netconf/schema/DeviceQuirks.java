package dev.homeport.netconf.schema;

import dev.homeport.netconf.message.Capabilities;

/** Bugs of real devices that the schema layer works around, each with how it shows. */
final class DeviceQuirks {
    private DeviceQuirks() {
    }

    /**
     * yuma123 netconfd (2.13, Debian 12) drops the session, and sometimes dies ("double free or corruption"), when
     * a get-schema arrives while another get-schema is still being answered; pipelined get RPCs are fine. It is
     * recognised by its own modules, which it always announces.
     */
    static boolean getSchemaOneAtATime(Capabilities caps) {
        return caps.modules().stream().anyMatch(m -> m.namespace().startsWith("http://netconfcentral.org/ns/yuma")
                || m.namespace().startsWith("http://yuma123.org/ns/"));
    }
}
