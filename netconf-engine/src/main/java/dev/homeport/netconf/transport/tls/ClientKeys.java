package dev.homeport.netconf.transport.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Offers the one client identity of a connection, and remembers what happened, so that a refusal can be explained.
 * The identity is looked up only when the server asks for a certificate, which JSSE does after the server's own
 * certificate has been checked: call home uses that to pick the credentials of the device that turned out to call.
 * The identity is offered whatever CAs the server names as acceptable, so that a refusal comes from the server
 * with its reason, rather than as a silent "no certificate".
 */
final class ClientKeys extends X509ExtendedKeyManager {
    private static final String ALIAS = "netconf-client";

    private final Supplier<Optional<TlsIdentity>> source;
    private final List<String> askedKeyTypes = new ArrayList<>();
    private volatile boolean requested;
    private volatile TlsIdentity offered;
    private TlsIdentity identity;
    private boolean resolved;

    ClientKeys(Supplier<Optional<TlsIdentity>> source) {
        this.source = source;
    }

    /** Whether the server asked for a client certificate. */
    boolean requested() {
        return requested;
    }

    /** The identity whose certificate was sent, if any. */
    Optional<TlsIdentity> offered() {
        return Optional.ofNullable(offered);
    }

    /** The identity the application has for this connection, if any (looked up once). */
    synchronized Optional<TlsIdentity> identity() {
        if (!resolved) {
            resolved = true;
            identity = source.get().orElse(null);
        }
        return Optional.ofNullable(identity);
    }

    synchronized List<String> askedKeyTypes() {
        return List.copyOf(askedKeyTypes);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return choose(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return choose(keyTypes);
    }

    private String choose(String[] keyTypes) {
        requested = true;
        Optional<TlsIdentity> id = identity();
        if (id.isEmpty()) {
            return null;
        }
        String alg = id.get().privateKey().getAlgorithm();
        synchronized (this) {
            for (String t : keyTypes == null ? new String[0] : keyTypes) {
                if (!askedKeyTypes.contains(t)) {
                    askedKeyTypes.add(t);
                }
            }
        }
        if (keyTypes == null || keyTypes.length == 0) {
            offered = id.get();
            return ALIAS;
        }
        for (String t : keyTypes) {
            if (t.equals(alg) || (isEdDsa(t) && isEdDsa(alg))) {
                offered = id.get();
                return ALIAS;
            }
        }
        return null;
    }

    private static boolean isEdDsa(String alg) {
        return alg.equals("EdDSA") || alg.equals("Ed25519") || alg.equals("Ed448");
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return identity().isPresent() ? new String[] {ALIAS} : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? identity().map(i -> i.chain().toArray(X509Certificate[]::new)).orElse(null)
                : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? identity().map(TlsIdentity::privateKey).orElse(null) : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
