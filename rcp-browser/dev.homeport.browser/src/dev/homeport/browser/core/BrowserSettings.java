package dev.homeport.browser.core;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * What the user sets for the call-home listeners: where they listen (SSH call home on RFC 8071 port 4334, TLS on
 * 4335), which of the two are switched on, the login given to trusted SSH devices, and the client certificate and
 * key (PEM files) presented to TLS devices. The password is a char array that {@link #toString()} never prints.
 *
 * @param tlsCertificate PEM certificate chain of the manager's TLS client identity; empty when TLS is not set up
 * @param tlsKey         PEM private key of that identity
 */
public record BrowserSettings(String listenHost, int sshPort, String username, char[] password, int tlsPort,
                              boolean sshEnabled, boolean tlsEnabled, String tlsCertificate, String tlsKey) {
    public static final int DEFAULT_SSH_PORT = 4334;
    public static final int DEFAULT_TLS_PORT = 4335;

    public BrowserSettings {
        if (listenHost == null || listenHost.isBlank()) {
            throw new IllegalArgumentException("the listen address is empty");
        }
        checkPort("SSH", sshPort);
        checkPort("TLS", tlsPort);
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("the user name is empty");
        }
        password = password == null ? new char[0] : password.clone();
        tlsCertificate = tlsCertificate == null ? "" : tlsCertificate.trim();
        tlsKey = tlsKey == null ? "" : tlsKey.trim();
    }

    /** SSH call home only, on this port (the settings before TLS existed). */
    public BrowserSettings(String listenHost, int sshPort, String username, char[] password) {
        this(listenHost, sshPort, username, password, DEFAULT_TLS_PORT, true, false, "", "");
    }

    private static void checkPort(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the " + what + " call-home port must be 0..65535, not " + port);
        }
    }

    /** Loopback, the RFC 8071 ports (SSH on, TLS off until a client certificate is set), admin/admin. */
    public static BrowserSettings defaults() {
        return new BrowserSettings("127.0.0.1", DEFAULT_SSH_PORT, "admin", "admin".toCharArray());
    }

    public static BrowserSettings parse(String host, String port, String user, char[] password) {
        return new BrowserSettings(host.trim(), port("SSH", port), user.trim(), password);
    }

    static int port(String what, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the " + what + " call-home port must be a number, not '" + text + "'");
        }
    }

    /** These settings with what the Devices view shows for the listeners (ports as typed). */
    public BrowserSettings withListeners(String host, String sshPortText, String tlsPortText, String user,
                                         char[] pw) {
        return new BrowserSettings(host.trim(), port("SSH", sshPortText), user.trim(), pw, port("TLS", tlsPortText),
                sshEnabled, tlsEnabled, tlsCertificate, tlsKey);
    }

    public BrowserSettings withSshPort(int port) {
        return new BrowserSettings(listenHost, port, username, password, tlsPort, sshEnabled, tlsEnabled,
                tlsCertificate, tlsKey);
    }

    public BrowserSettings withTls(int port, String certificate, String key) {
        return new BrowserSettings(listenHost, sshPort, username, password, port, sshEnabled, tlsEnabled,
                certificate, key);
    }

    public BrowserSettings withEnabled(boolean ssh, boolean tls) {
        return new BrowserSettings(listenHost, sshPort, username, password, tlsPort, ssh, tls, tlsCertificate,
                tlsKey);
    }

    public BrowserSettings withLogin(String user, char[] pw) {
        return new BrowserSettings(listenHost, sshPort, user, pw, tlsPort, sshEnabled, tlsEnabled, tlsCertificate,
                tlsKey);
    }

    public InetSocketAddress sshAddress() throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(listenHost), sshPort);
    }

    public InetSocketAddress tlsAddress() throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(listenHost), tlsPort);
    }

    /** Whether a TLS client identity is configured (TLS call home needs one: RFC 7589 mutual authentication). */
    public boolean hasTlsIdentity() {
        return !tlsCertificate.isEmpty() && !tlsKey.isEmpty();
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BrowserSettings s && s.listenHost.equals(listenHost) && s.sshPort == sshPort
                && s.username.equals(username) && Arrays.equals(s.password, password) && s.tlsPort == tlsPort
                && s.sshEnabled == sshEnabled && s.tlsEnabled == tlsEnabled
                && s.tlsCertificate.equals(tlsCertificate) && s.tlsKey.equals(tlsKey);
    }

    @Override
    public int hashCode() {
        return listenHost.hashCode() * 31 + sshPort * 7 + tlsPort;
    }

    @Override
    public String toString() {
        return "BrowserSettings[" + listenHost + ", SSH " + sshPort + (sshEnabled ? " on" : " off") + ", TLS "
                + tlsPort + (tlsEnabled ? " on" : " off") + ", user " + username + ", password ***]";
    }
}
