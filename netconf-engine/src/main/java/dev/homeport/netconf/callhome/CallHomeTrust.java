package dev.homeport.netconf.callhome;

import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which call-home devices are trusted. A device is recognized by its key wherever it calls from. A key that is not
 * known but arrives from an address that has a different trusted key of the same type is a changed key, and is
 * refused. Everything else is unknown: pending, unless the policy accepts new keys.
 *
 * <p>Backed by a {@link KnownHosts} store, so an OpenSSH known_hosts file can seed and record trust.
 */
public final class CallHomeTrust {

    public sealed interface Verdict permits Trusted, Unknown, Changed, Rejected {
    }

    public record Trusted() implements Verdict {
    }

    public record Unknown() implements Verdict {
    }

    public record Changed(List<String> expectedFingerprints) implements Verdict {
    }

    public record Rejected(String reason) implements Verdict {
    }

    private final KnownHosts store;
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();

    public CallHomeTrust(KnownHosts store) {
        this.store = store;
    }

    public static CallHomeTrust inMemory() {
        return new CallHomeTrust(KnownHosts.inMemory(KnownHosts.Policy.STRICT));
    }

    public KnownHosts store() {
        return store;
    }

    /** True when unknown devices are trusted on first contact (accept-new or accept-all). */
    public boolean acceptsNew() {
        return store.policy() != KnownHosts.Policy.STRICT;
    }

    public Verdict classify(InetSocketAddress source, PublicKey key) {
        String fp = HostKeys.fingerprint(key);
        if (rejected.contains(fp)) {
            return new Rejected("device " + fp + " was rejected");
        }
        if (store.findKey(key).isPresent()) {
            return new Trusted();
        }
        if (store.policy() == KnownHosts.Policy.ACCEPT_ALL) {
            return new Trusted();
        }
        String host = source.getAddress().getHostAddress();
        // port 22 matches entries written without a port: call-home source ports are not stable
        var m = store.lookup(host, 22, key);
        if (m instanceof KnownHosts.Changed c) {
            return new Changed(c.expected().stream().map(e -> HostKeys.fingerprint(e.key())).toList());
        }
        if (m instanceof KnownHosts.Revoked) {
            return new Rejected("device key " + fp + " is marked @revoked");
        }
        return new Unknown();
    }

    /** Trusts a key, remembering the address it called from (which lets a later key change be detected). */
    public void trust(InetSocketAddress source, PublicKey key) throws IOException {
        rejected.remove(HostKeys.fingerprint(key));
        if (store.findKey(key).isEmpty()) {
            store.add(source.getAddress().getHostAddress(), 22, key);
        }
    }

    public void reject(String fingerprint) {
        rejected.add(fingerprint);
    }
}
